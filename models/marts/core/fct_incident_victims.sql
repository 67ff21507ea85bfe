with

incidents as (

    select * from {{ ref('fct_incidents') }}

),

victims as (

    select * from {{ ref('stg_assessment__incident_victims') }}

),

role_to_victim_group as (

    select * from {{ ref('stg_reference__role_to_victim_group') }}

),

genders as (

    select * from {{ ref('stg_vocab__genders') }}

),

-- the victims this run (re)builds: all of them, or in an incremental run those delivered in a
-- new load batch and the victims of incidents rebuilt in this run
victims_to_build as (

    select victims.*
    from victims
    {%- if is_incremental() %}
        where
            victims.load_batch_id > {{ load_batch_watermark() }}
            or victims.event_id in (
                select incidents.event_id
                from incidents
                where incidents.load_batch_id > {{ load_batch_watermark() }}
            )
    {%- endif %}

),

final as (

    select
        {{ surrogate_key([
            'victims_to_build.country_code', 'victims_to_build.period_year', 'victims_to_build.incident_victim_id',
        ]) }} as incident_victim_key,
        victims_to_build.incident_victim_id,
        incidents.incident_key,
        victims_to_build.event_id,
        {{ victim_key(
            'victims_to_build.country_code',
            'victims_to_build.victim_type',
            'victims_to_build.victim_name',
            'victims_to_build.incident_victim_id',
        ) }} as victim_key,
        {{ outlet_key(
            'victims_to_build.country_code',
            affected_outlet_name('victims_to_build.outlet_name', 'victims_to_build.victim_type', 'victims_to_build.victim_name')
        ) }} as outlet_key,
        victims_to_build.country_code,
        victims_to_build.period_year,
        incidents.event_date,
        incidents.date_precision,
        incidents.event_year,
        incidents.event_month,
        incidents.is_historical,
        incidents.category_code,
        incidents.sdg_violation_code,
        incidents.jfj_category_code,
        incidents.perpetrator_type_code,
        incidents.sdg_perpetrator_status,
        incidents.context_code,
        incidents.city_name,
        incidents.region_code,
        incidents.verification_status_code,
        incidents.is_verified,
        victims_to_build.victim_type,
        victims_to_build.victim_name,
        victims_to_build.role_code,
        role_to_victim_group.report_victim_group,
        role_to_victim_group.sdg_victim_group,
        victims_to_build.gender,
        genders.sdg_sex,
        (
            incidents.is_verified
            and victims_to_build.victim_type = 'person'
            and incidents.sdg_violation_code != 'out_of_scope'
            and role_to_victim_group.sdg_victim_group != 'out_of_scope'
        ) as is_sdg_16_10_1_case,
        victims_to_build.source_section,
        victims_to_build.source_locator,
        greatest(victims_to_build.load_batch_id, incidents.load_batch_id) as load_batch_id

    from victims_to_build
    inner join incidents
        on victims_to_build.event_id = incidents.event_id
    inner join role_to_victim_group
        on victims_to_build.role_code = role_to_victim_group.role_code
    inner join genders
        on victims_to_build.gender = genders.gender_code

)

select * from final
