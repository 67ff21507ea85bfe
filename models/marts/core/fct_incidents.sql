with

incidents as (

    select * from {{ ref('int_incidents__classified') }}

),

victims as (

    select * from {{ ref('stg_assessment__incident_victims') }}

),

victim_counts as (

    select
        victims.event_id,
        count(*) as victim_count,
        count(*) filter (where victims.victim_type = 'person') as person_victim_count

    from victims
    group by victims.event_id

),

final as (

    select
        {{ surrogate_key(['incidents.country_code', 'incidents.period_year', 'incidents.event_id']) }} as incident_key,
        incidents.event_id,
        incidents.country_code,
        incidents.period_year,
        incidents.event_date,
        incidents.date_precision,
        incidents.event_year,
        incidents.event_month,
        incidents.is_historical,
        incidents.category_code,
        incidents.secondary_category_codes,
        incidents.act_count,
        incidents.sdg_violation_code,
        incidents.jfj_category_code,
        incidents.city_name,
        incidents.region_code,
        incidents.context_code,
        incidents.perpetrator_type_code,
        incidents.sdg_perpetrator_status,
        incidents.perpetrator_description,
        incidents.verification_status_code,
        incidents.is_verified,
        coalesce(victim_counts.victim_count, 0) as victim_count,
        coalesce(victim_counts.person_victim_count, 0) as person_victim_count,
        incidents.event_summary,
        incidents.alt_event_date,
        incidents.inconsistency_note is not null as has_source_inconsistency,
        incidents.inconsistency_note,
        incidents.source_section,
        incidents.source_locator

    from incidents
    left join victim_counts
        on incidents.event_id = victim_counts.event_id

)

select * from final
