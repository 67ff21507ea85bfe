-- Article 19 Mexico at the end of its pipeline: every record of the export in the monitor-record
-- contract (macros/monitors.sql), one row each. A record that loads carries its incident (dated
-- to the day) and its victim, who is never named; the register gives its records the
-- verification status of its catalogue row (monitor_documented). A quarantined record carries
-- the column, value and reason instead. The register reads Article 19 Mexico here and nowhere
-- else.
with

records as (

    select * from {{ ref('int_article19_mx__records_checked') }}

),

aggressions as (

    select * from {{ ref('int_article19_mx__aggressions') }}

),

mapped as (

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

final as (

    {{ monitor_record_rows('records', 'mapped') }}

)

select * from final  -- noqa: AM04
