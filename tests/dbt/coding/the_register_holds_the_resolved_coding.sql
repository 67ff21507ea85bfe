-- The register holds the double-coded values: for every incident and victim coded twice from the
-- report (int_sdg_codings__resolved), the facts carry the resolved perpetrator status,
-- verification, arbitrariness category, role, SDG victim group, sex and sex basis, and every
-- coded unit is in the register. One row per unit and field that differs.
with

resolved as (

    select * from {{ ref('int_sdg_codings__resolved') }}
    where field not in ('enumeration', 'ground')

),

-- the coded units only (a few hundred of the register's rows): the test reads no other
incidents as (

    select all_incidents.*
    from {{ ref('fct_incidents') }} as all_incidents
    where all_incidents.event_id in (select resolved.unit_id from resolved)

),

victims as (

    select all_victims.*
    from {{ ref('fct_incident_victims') }} as all_victims
    where all_victims.incident_victim_id in (select resolved.unit_id from resolved)

),

arbitrariness_categories as (

    select * from {{ ref('vocab_arbitrariness_categories') }}

),

register_values as (

    select
        incidents.country_code,
        incidents.period_year,
        incidents.event_id as unit_id,
        'perpetrator_status' as field,
        incidents.sdg_perpetrator_status as register_value
    from incidents
    union all
    select
        incidents.country_code,
        incidents.period_year,
        incidents.event_id as unit_id,
        'verification' as field,
        incidents.verification_status_code as register_value
    from incidents
    union all
    select
        incidents.country_code,
        incidents.period_year,
        incidents.event_id as unit_id,
        'arbitrariness' as field,
        coalesce(arbitrariness_categories.coding_value, 'not_applicable') as register_value
    from incidents
    left join arbitrariness_categories
        on incidents.arbitrariness_category_code = arbitrariness_categories.arbitrariness_category_code
    union all
    select
        victims.country_code,
        victims.period_year,
        victims.incident_victim_id as unit_id,
        'role' as field,
        victims.role_code as register_value
    from victims
    union all
    select
        victims.country_code,
        victims.period_year,
        victims.incident_victim_id as unit_id,
        'victim_group' as field,
        victims.sdg_victim_group as register_value
    from victims
    union all
    select
        victims.country_code,
        victims.period_year,
        victims.incident_victim_id as unit_id,
        'sex' as field,
        victims.sex as register_value
    from victims
    union all
    select
        victims.country_code,
        victims.period_year,
        victims.incident_victim_id as unit_id,
        'sex_basis' as field,
        victims.sex_basis as register_value
    from victims

)

select
    resolved.country_code,
    resolved.period_year,
    resolved.unit_id,
    resolved.field,
    resolved.resolved_value,
    register_values.register_value

from resolved
left join register_values
    on
        resolved.country_code = register_values.country_code
        and resolved.period_year = register_values.period_year
        and resolved.unit_id = register_values.unit_id
        and resolved.field = register_values.field
where register_values.register_value is distinct from resolved.resolved_value
