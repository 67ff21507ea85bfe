with

incidents as (

    select * from {{ ref('fct_incidents') }}

),

victims as (

    select * from {{ ref('stg_assessment__incident_victims') }}

),

appearances as (

    select * from {{ ref('int_victim_appearances') }}

),

outlets as (

    select * from {{ ref('int_outlets') }}

),

role_to_victim_group as (

    select * from {{ ref('stg_reference__role_to_victim_group') }}

),

genders as (

    select * from {{ ref('stg_vocab__genders') }}

),

final as (

    select
        {{ surrogate_key(['victims.country_code', 'victims.period_year', 'victims.incident_victim_id']) }} as incident_victim_key,
        victims.incident_victim_id,
        incidents.incident_key,
        victims.event_id,
        appearances.victim_key,
        outlets.outlet_key,
        victims.country_code,
        victims.period_year,
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
        victims.victim_type,
        victims.victim_name,
        victims.role_code,
        role_to_victim_group.report_victim_group,
        role_to_victim_group.sdg_victim_group,
        victims.gender,
        genders.sdg_sex,
        (
            incidents.is_verified
            and victims.victim_type = 'person'
            and incidents.sdg_violation_code != 'out_of_scope'
            and role_to_victim_group.sdg_victim_group != 'out_of_scope'
        ) as is_sdg_16_10_1_case,
        victims.source_section,
        victims.source_locator

    from victims
    inner join incidents
        on victims.event_id = incidents.event_id
    inner join appearances
        on
            appearances.appearance_type = 'incident'
            and victims.incident_victim_id = appearances.appearance_id
    inner join role_to_victim_group
        on victims.role_code = role_to_victim_group.role_code
    inner join genders
        on victims.gender = genders.gender_code
    left join outlets
        on
            appearances.country_code = outlets.country_code
            and appearances.affected_outlet_name = outlets.outlet_name

)

select * from final
