with

victims as (

    select * from {{ ref('int_victims__rolled_up') }}

),

final as (

    select
        victims.victim_key,
        victims.country_code,
        victims.victim_type,
        victims.victim_name,
        victims.main_role_code,
        victims.roles_reported,
        victims.report_victim_group,
        victims.sdg_victim_group,
        victims.gender,
        victims.has_conflicting_gender,
        victims.outlet_name,
        victims.incident_count,
        victims.legal_action_count,
        victims.first_period_year,
        victims.last_period_year

    from victims

)

select * from final
