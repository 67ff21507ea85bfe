with

legal_actions as (

    select * from {{ ref('int_legal_actions__current_status') }}

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

incidents as (

    select * from {{ ref('fct_incidents') }}

),

final as (

    select
        {{ surrogate_key(['legal_actions.country_code', 'legal_actions.period_year', 'legal_actions.legal_action_id']) }}
            as legal_action_key,
        legal_actions.legal_action_id,
        legal_actions.country_code,
        legal_actions.period_year,
        legal_actions.procedure_type,
        legal_actions.journalist_position,
        legal_actions.legal_article_id,
        appearances.victim_key,
        outlets.outlet_key,
        incidents.incident_key as related_incident_key,
        legal_actions.related_event_id,
        legal_actions.victim_name,
        legal_actions.victim_role_code,
        role_to_victim_group.report_victim_group,
        legal_actions.victim_gender,
        legal_actions.claimant_type,
        legal_actions.claimant_description,
        legal_actions.stage_count,
        legal_actions.first_stage_date,
        legal_actions.last_stage_date,
        legal_actions.is_active_in_period,
        legal_actions.current_stage_code,
        legal_actions.current_stage_date,
        legal_actions.current_outcome_group,
        legal_actions.is_concluded,
        legal_actions.current_penalty_text,
        legal_actions.impunity_status,
        legal_actions.legal_action_summary,
        legal_actions.inconsistency_note is not null as has_source_inconsistency,
        legal_actions.inconsistency_note,
        legal_actions.source_section,
        legal_actions.source_locator

    from legal_actions
    inner join appearances
        on
            appearances.appearance_type = 'legal_action'
            and legal_actions.legal_action_id = appearances.appearance_id
    inner join role_to_victim_group
        on legal_actions.victim_role_code = role_to_victim_group.role_code
    left join outlets
        on
            appearances.country_code = outlets.country_code
            and appearances.affected_outlet_name = outlets.outlet_name
    left join incidents
        on legal_actions.related_event_id = incidents.event_id

)

select * from final
