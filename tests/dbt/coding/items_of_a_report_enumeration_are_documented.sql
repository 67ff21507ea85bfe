-- An item of the report's own enumeration of recorded cases is documented by a monitor (or
-- established more strongly): every incident coded as an item of an enumeration
-- (int_sdg_codings__resolved, field enumeration) points to a row of raw_report_enumerations and
-- is verified in the register. One row per breach.
with

items as (

    select * from {{ ref('int_sdg_codings__resolved') }}
    where field = 'enumeration' and resolved_value != 'none'

),

enumerations as (

    select * from {{ ref('raw_report_enumerations') }}

),

incidents as (

    select * from {{ ref('fct_incidents') }}

)

select
    items.country_code,
    items.period_year,
    items.unit_id,
    items.resolved_value as report_line,
    enumerations.enumeration_id,
    incidents.verification_status_code

from items
left join enumerations
    on
        items.country_code = enumerations.country_code
        and items.period_year = enumerations.period_year
        and items.resolved_value = cast(enumerations.report_line as {{ dbt.type_string() }})
left join incidents
    on
        items.country_code = incidents.country_code
        and items.period_year = incidents.period_year
        and items.unit_id = incidents.event_id
where enumerations.enumeration_id is null or not coalesce(incidents.is_verified, false)
