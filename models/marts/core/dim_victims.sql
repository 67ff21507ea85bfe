with

victims as (

    select * from {{ ref('int_victims__rolled_up') }}

),

appearances as (

    select * from {{ ref('int_victim_appearances') }}

),

-- the victims this run (re)builds: all of them, or in an incremental run those with an
-- appearance in a new load batch (rolled up again over all their appearances)
victims_to_build as (

    select victims.*
    from victims
    {%- if is_incremental() %}
        where victims.victim_key in (
            select appearances.victim_key
            from appearances
            where appearances.load_batch_id > {{ load_batch_watermark() }}
        )
    {%- endif %}

),

final as (

    select
        victims_to_build.victim_key,
        victims_to_build.country_code,
        victims_to_build.victim_type,
        victims_to_build.victim_name,
        victims_to_build.main_role_code,
        victims_to_build.roles_reported,
        victims_to_build.report_victim_group,
        victims_to_build.sdg_victim_group,
        victims_to_build.gender,
        victims_to_build.has_conflicting_gender,
        victims_to_build.outlet_name,
        victims_to_build.incident_count,
        victims_to_build.legal_action_count,
        victims_to_build.first_period_year,
        victims_to_build.last_period_year,
        victims_to_build.load_batch_id

    from victims_to_build

)

select * from final
