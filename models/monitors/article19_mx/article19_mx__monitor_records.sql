-- Article 19 Mexico at the end of its pipeline: every record of each of its files (the 2012-2016
-- register and the 2018 alerts) in the monitor-record contract (macros/monitors.sql), one row
-- each. A record that loads carries its incident and its victim; the register gives its records
-- the verification status of their file's catalogue row (monitor_documented). A quarantined
-- record carries the column, value and reason instead. The register reads Article 19 Mexico here
-- and nowhere else.
-- - 2012-2016: dated to the day; one act; the victim is never named (the file names nobody).
-- - 2018: dated to the day, or undated (date_precision unknown) when Article 19 withholds the
--   date (its period is then its file's one year of coverage, 2018); the first type listed is
--   the category, the others the secondary categories; a person is named unless Article 19
--   withholds the name ("Se reserva": then the victim is unnamed, its own victim, never merged
--   with another); a group keeps its names as reported only (not split
--   into persons); an outlet is named as the outlet; the sex is not stated by the file (unknown:
--   the register's name rule, int_person_names__sex, decides downstream); the facts (Hechos) stay
--   in the monitor's models, since they name perpetrators and third parties.
with

records as (

    select * from {{ ref('int_article19_mx__records_checked') }}

),

aggressions as (

    select * from {{ ref('int_article19_mx__aggressions') }}

),

alerts as (

    select * from {{ ref('int_article19_mx__alerts') }}

),

mapped_2012_2016 as (

    select
        aggressions.source_id,
        aggressions.source_row_number,
        aggressions.event_id,
        aggressions.country_code,
        cast(year(aggressions.event_date) as integer) as period_year,
        aggressions.country_code as event_country_code,
        aggressions.event_date,
        'day' as date_precision,
        aggressions.category_code,
        cast(null as {{ dbt.type_string() }}) as secondary_category_codes,
        aggressions.city_name,
        'not_stated' as context_code,
        aggressions.perpetrator_type_code,
        aggressions.perpetrator_label as perpetrator_description,
        cast(null as {{ dbt.type_string() }}) as verification_status_code,
        aggressions.arbitrariness_category_code,
        case when aggressions.arbitrariness_category_code is not null then aggressions.aggression_type_label end
            as arbitrariness_locator,
        concat_ws(
            '; ',
            'Article 19 Mexico: ' || aggressions.aggression_type_label || ' (' || aggressions.sex_label || ')',
            'place: ' || coalesce(aggressions.city_name || ', ', '') || aggressions.state_name,
            'presumed aggressor: ' || coalesce(aggressions.perpetrator_label, 'not stated')
        ) as event_summary,
        cast(null as {{ dbt.type_string() }}) as impunity_outcome_code,
        aggressions.aggression_type_label as category_as_reported,
        cast(null as {{ dbt.type_string() }}) as motive_as_reported,
        aggressions.victim_type,
        cast(null as {{ dbt.type_string() }}) as victim_name,
        cast(null as {{ dbt.type_string() }}) as victim_name_as_reported,
        aggressions.role_code,
        aggressions.sex,
        aggressions.sex_basis,
        case when aggressions.sex_basis = 'stated' then aggressions.sex_label end as sex_locator,
        cast(null as {{ dbt.type_string() }}) as outlet_name,
        cast(null as {{ dbt.type_string() }}) as outlet_name_as_reported,
        cast(null as {{ dbt.type_string() }}) as legal_procedure_type,
        cast(null as {{ dbt.type_string() }}) as legal_journalist_position,
        cast(null as {{ dbt.type_string() }}) as legal_stage_code,
        cast(null as {{ dbt.type_string() }}) as legal_action_summary,
        -- one vintage: nothing is carried over
        cast(null as {{ dbt.type_string() }}) as carried_over_basis

    from aggressions

),

mapped_2018 as (

    select
        alerts.source_id,
        alerts.source_row_number,
        alerts.event_id,
        alerts.country_code,
        -- the period is the event's year; for a record Article 19 leaves undated (its date
        -- withheld), the one year its file covers: the record stays undated (date_precision
        -- unknown) and is counted apart from the dated ones, as the register counts undated cases
        cast(coalesce(year(alerts.event_date), alerts.file_coverage_year) as integer) as period_year,
        alerts.country_code as event_country_code,
        alerts.event_date,
        case when alerts.event_date is null then 'unknown' else 'day' end as date_precision,
        alerts.category_code,
        alerts.secondary_category_codes,
        alerts.city_name,
        'not_stated' as context_code,
        alerts.perpetrator_type_code,
        alerts.perpetrator_description,
        cast(null as {{ dbt.type_string() }}) as verification_status_code,
        alerts.arbitrariness_category_code,
        case when alerts.arbitrariness_category_code is not null then alerts.aggression_type_label end
            as arbitrariness_locator,
        concat_ws(
            '; ',
            'Article 19 Mexico alert: ' || coalesce(alerts.aggression_type_label, 'type not stated'),
            'specific aggression: ' || alerts.specific_aggression,
            'place: ' || nullif(concat_ws(', ', alerts.city_name, alerts.state_name), ''),
            'Article 19 counts ' || cast(alerts.aggressions_counted as {{ dbt.type_string() }}) || ' aggression(s) in this record',
            'verified: ' || alerts.verified_at_as_published
        ) as event_summary,
        cast(null as {{ dbt.type_string() }}) as impunity_outcome_code,
        alerts.aggression_type_label as category_as_reported,
        cast(null as {{ dbt.type_string() }}) as motive_as_reported,
        alerts.victim_type,
        case when alerts.victim_type = 'person' then alerts.victim_names end as victim_name,
        alerts.victim_names_as_published as victim_name_as_reported,
        alerts.role_code,
        case when alerts.victim_type = 'person' then 'unknown' else 'not_applicable' end as sex,
        case when alerts.victim_type = 'person' then 'unknown' else 'not_applicable' end as sex_basis,
        cast(null as {{ dbt.type_string() }}) as sex_locator,
        case when alerts.victim_type = 'outlet' then alerts.outlet_names end as outlet_name,
        alerts.outlet_names_as_published as outlet_name_as_reported,
        cast(null as {{ dbt.type_string() }}) as legal_procedure_type,
        cast(null as {{ dbt.type_string() }}) as legal_journalist_position,
        cast(null as {{ dbt.type_string() }}) as legal_stage_code,
        cast(null as {{ dbt.type_string() }}) as legal_action_summary,
        -- no older vintage of this file: nothing is carried over
        cast(null as {{ dbt.type_string() }}) as carried_over_basis

    from alerts

),

mapped as (

    select * from mapped_2012_2016
    union all
    select * from mapped_2018

),

final as (

    {{ monitor_record_rows('records', 'mapped') }}

)

select * from final  -- noqa: AM04
