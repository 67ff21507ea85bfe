with

incidents as (

    select * from {{ ref('int_incidents__classified') }}

),

victims as (

    select * from {{ ref('int_register__incident_victims') }}

),

-- the incidents this run (re)builds: all of them, or in an incremental run those delivered in
-- a new load batch and those that gained victims in one
incidents_to_build as (

    {% if is_incremental() %}
        select * from {{ newer_batch_rows(ref('int_incidents__classified'), 'incident_rows', [
            {'column': 'event_id', 'from': ref('int_register__incident_victims')},
        ]) }}
    {% else %}
        select incidents.*
        from incidents
    {% endif %}

),

-- the ground of a deprivation of liberty, where an assessment's incidents were double-coded
coded_grounds as (

    select * from {{ ref('int_sdg_codings__resolved') }}
    where field = 'ground' and resolved_value != 'not_applicable'

),

victim_counts as (

    select
        victims.event_id,
        count(*) as victim_count,
        count(*) filter (where victims.victim_type = 'person') as person_victim_count,
        max(victims.load_batch_id) as load_batch_id

    from victims
    {%- if is_incremental() %}
        where victims.event_id in (select incidents_to_build.event_id from incidents_to_build)
    {%- endif %}
    group by victims.event_id

),

final as (

    select
        {{ surrogate_key(['incidents_to_build.country_code', 'incidents_to_build.period_year', 'incidents_to_build.event_id']) }} as incident_key,
        incidents_to_build.event_id,
        incidents_to_build.country_code,
        incidents_to_build.period_year,
        incidents_to_build.event_country_code,
        incidents_to_build.event_date,
        incidents_to_build.date_precision,
        incidents_to_build.is_dated,
        incidents_to_build.event_year,
        incidents_to_build.event_month,
        incidents_to_build.is_historical,
        incidents_to_build.category_code,
        incidents_to_build.secondary_category_codes,
        incidents_to_build.act_count,
        incidents_to_build.sdg_violation_code,
        incidents_to_build.jfj_category_code,
        incidents_to_build.city_name,
        incidents_to_build.region_code,
        incidents_to_build.context_code,
        incidents_to_build.perpetrator_type_code,
        incidents_to_build.sdg_perpetrator_status,
        incidents_to_build.perpetrator_description,
        incidents_to_build.verification_status_code,
        incidents_to_build.is_verified,
        incidents_to_build.arbitrariness_category_code,
        incidents_to_build.is_arbitrary,
        incidents_to_build.arbitrariness_locator,
        coded_grounds.resolved_value as deprivation_ground_code,
        coalesce(victim_counts.victim_count, 0) as victim_count,
        coalesce(victim_counts.person_victim_count, 0) as person_victim_count,
        incidents_to_build.event_summary,
        incidents_to_build.alt_event_date,
        incidents_to_build.inconsistency_note is not null as has_source_inconsistency,
        incidents_to_build.inconsistency_note,
        incidents_to_build.source_section,
        incidents_to_build.source_locator,
        incidents_to_build.impunity_outcome_code,
        incidents_to_build.category_as_reported,
        incidents_to_build.motive_as_reported,
        incidents_to_build.source_id,
        incidents_to_build.source_record_locator,
        greatest(incidents_to_build.load_batch_id, coalesce(victim_counts.load_batch_id, 0)) as load_batch_id

    from incidents_to_build
    left join victim_counts
        on incidents_to_build.event_id = victim_counts.event_id
    left join coded_grounds
        on
            incidents_to_build.country_code = coded_grounds.country_code
            and incidents_to_build.period_year = coded_grounds.period_year
            and incidents_to_build.event_id = coded_grounds.unit_id

)

select * from final
