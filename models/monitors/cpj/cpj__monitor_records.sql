-- CPJ at the end of its pipeline: every record of the export in the monitor-record contract
-- (macros/monitors.sql), one row each. A record that loads carries its incident, its victim and,
-- where CPJ states how the prosecution of a murder stands, one criminal legal action with the
-- journalist as injured party, all in the register's words; a quarantined record carries the
-- column, value and reason instead. The register reads CPJ here and nowhere else.
-- The date: CPJ's 2020 and 2022 exports date a killing by its year only; an older vintage's
-- record may give the day or the month. Each record takes the most precise date of the records
-- that lead to it through the supersession chain (vintage_carried_over_dates, macros/vintages.sql:
-- only of the same year), with its provenance in carried_over_basis.
with

records as (

    select * from {{ ref('int_cpj__records_checked') }}

),

killings as (

    select * from {{ ref('int_cpj__killings') }}

),

dates as (

    select * from {{ vintage_carried_over_dates('records', ref('cpj__source')) }} as dates

),

-- a record that loads (or is superseded: its fields are compared with its newer record's)
mapped as (

    select
        killings.source_id,
        killings.source_row_number,
        killings.event_id,
        killings.country_code,
        killings.event_year as period_year,
        killings.country_code as event_country_code,
        coalesce(dates.event_date, make_date(killings.event_year, 1, 1)) as event_date,
        coalesce(dates.date_precision, 'year') as date_precision,
        killings.category_code,
        -- CPJ records one act per killing
        cast(null as {{ dbt.type_string() }}) as secondary_category_codes,
        killings.location_name as city_name,
        killings.context_code,
        killings.perpetrator_type_code,
        killings.sources_of_fire as perpetrator_description,
        killings.verification_status_code,
        cast(null as {{ dbt.type_string() }}) as arbitrariness_category_code,
        cast(null as {{ dbt.type_string() }}) as arbitrariness_locator,
        concat_ws(
            '; ',
            'CPJ: ' || coalesce(killings.full_name, 'unnamed') || ' (' || killings.victim_kind || ') killed in '
            || coalesce(killings.location_name, 'an unstated place'),
            'type of death: ' || killings.type_of_death,
            'motive: ' || killings.combined_status,
            'impunity: ' || killings.impunity_murder
        ) as event_summary,
        killings.impunity_outcome_code,
        killings.type_of_death as category_as_reported,
        killings.combined_status as motive_as_reported,
        'person' as victim_type,
        killings.victim_name,
        killings.full_name as victim_name_as_reported,
        killings.role_code,
        killings.sex,
        killings.sex_basis,
        case when killings.sex_basis = 'stated' then killings.source_record_locator end as sex_locator,
        {{ clean_text("split_part(killings.organizations, ',', 1)") }} as outlet_name,
        killings.organizations as outlet_name_as_reported,
        case when killings.impunity_stage_code is not null then 'criminal' end as legal_procedure_type,
        case when killings.impunity_stage_code is not null then 'injured_party' end as legal_journalist_position,
        killings.impunity_stage_code as legal_stage_code,
        case
            when killings.impunity_stage_code is not null
                then
                    'CPJ: prosecution of the killing of ' || coalesce(killings.full_name, 'an unnamed victim')
                    || '; impunity: ' || killings.impunity_murder
        end as legal_action_summary,
        dates.carried_over_basis

    from killings
    left join dates
        on
            killings.source_id = dates.source_id
            and killings.source_row_number = dates.source_row_number

),

final as (

    {{ monitor_record_rows('records', 'mapped') }}

)

select * from final  -- noqa: AM04
