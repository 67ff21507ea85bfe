with

incidents as (

    select * from {{ ref('fct_incidents') }}

),

victims as (

    select * from {{ ref('int_register__incident_victims') }}

),

role_to_victim_group as (

    select * from {{ ref('xwalk_role_to_victim_group') }}

),

sexes as (

    select * from {{ ref('vocab_sexes') }}

),

-- the victim as one appearance: who the person (or outlet) is and their sex, decided there once
appearances as (

    select * from {{ ref('int_victim_appearances') }}
    where appearance_type = 'incident'

),

-- the victims this run (re)builds: all of them, or in an incremental run those delivered in a
-- new load batch and the victims of incidents rebuilt in this run
victims_to_build as (

    {% if is_incremental() %}
        select * from {{ newer_batch_rows(ref('int_register__incident_victims'), 'victim_rows', [
            {'column': 'event_id', 'from': ref('fct_incidents')},
        ]) }}
    {% else %}
        select victims.*
        from victims
    {% endif %}

),

resolved as (

    select
        {{ star_except('victims_to_build', ['sex', 'sex_basis']) }},
        appearances.victim_key,
        appearances.affected_outlet_name,
        appearances.sex as resolved_sex,
        appearances.sex_basis as resolved_sex_basis,
        appearances.sdg_victim_group,
        appearances.sdg_victim_group_basis

    from victims_to_build
    inner join appearances
        on
            victims_to_build.country_code = appearances.country_code
            and victims_to_build.period_year = appearances.period_year
            and victims_to_build.incident_victim_id = appearances.appearance_id

),

final as (

    select
        {{ surrogate_key([
            'resolved.country_code', 'resolved.period_year', 'resolved.incident_victim_id',
        ]) }} as incident_victim_key,
        resolved.incident_victim_id,
        incidents.incident_key,
        resolved.event_id,
        resolved.victim_key,
        {{ outlet_key('resolved.country_code', 'resolved.affected_outlet_name') }} as outlet_key,
        resolved.country_code,
        resolved.period_year,
        incidents.event_country_code,
        incidents.event_date,
        incidents.date_precision,
        incidents.is_dated,
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
        incidents.arbitrariness_category_code,
        incidents.is_arbitrary,
        resolved.victim_type,
        resolved.victim_name,
        resolved.role_code,
        role_to_victim_group.report_victim_group,
        resolved.sdg_victim_group,
        resolved.sdg_victim_group_basis,
        resolved.resolved_sex as sex,
        resolved.resolved_sex_basis as sex_basis,
        sexes.sdg_sex,
        resolved.source_section,
        resolved.source_locator,
        resolved.source_id,
        resolved.source_record_locator,
        greatest(resolved.load_batch_id, incidents.load_batch_id) as load_batch_id

    from resolved
    inner join incidents
        on resolved.event_id = incidents.event_id
    inner join role_to_victim_group
        on resolved.role_code = role_to_victim_group.role_code
    inner join sexes
        on resolved.resolved_sex = sexes.sex_code

)

select * from final
