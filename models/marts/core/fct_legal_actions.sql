with

legal_actions as (

    select * from {{ ref('int_legal_actions__current_status') }}

),

role_to_victim_group as (

    select * from {{ ref('xwalk_role_to_victim_group') }}

),

incidents as (

    select * from {{ ref('fct_incidents') }}

),

report_victim_groups as (

    select * from {{ ref('ref_report_victim_groups') }}

),

-- the legal action's party as one victim appearance: who the person is and their sex, decided
-- there once
appearances as (

    select * from {{ ref('int_victim_appearances') }}
    where appearance_type = 'legal_action'

),

-- the legal actions this run (re)builds: all of them, or in an incremental run those whose
-- action or stages arrived in a new load batch
legal_actions_to_build as (

    select legal_actions.*
    from legal_actions
    {%- if is_incremental() %}
        where {{ rows_of_newer_batches('legal_actions') }}
    {%- endif %}

),

final as (

    select
        {{ surrogate_key(['legal_actions_to_build.country_code', 'legal_actions_to_build.period_year', 'legal_actions_to_build.legal_action_id']) }}
            as legal_action_key,
        legal_actions_to_build.legal_action_id,
        legal_actions_to_build.country_code,
        legal_actions_to_build.period_year,
        legal_actions_to_build.procedure_type,
        legal_actions_to_build.journalist_position,
        legal_actions_to_build.legal_article_id,
        appearances.victim_key,
        {{ outlet_key('legal_actions_to_build.country_code', 'appearances.affected_outlet_name') }} as outlet_key,
        incidents.incident_key as related_incident_key,
        legal_actions_to_build.related_event_id,
        legal_actions_to_build.victim_name,
        legal_actions_to_build.victim_role_code,
        role_to_victim_group.report_victim_group,
        appearances.sex as victim_sex,
        appearances.sex_basis as victim_sex_basis,
        legal_actions_to_build.claimant_type,
        legal_actions_to_build.claimant_description,
        legal_actions_to_build.stage_count,
        legal_actions_to_build.first_stage_date,
        legal_actions_to_build.last_stage_date,
        legal_actions_to_build.is_active_in_period,
        -- the one definition of an itemized criminal charge, used by every surface
        (
            legal_actions_to_build.procedure_type = 'criminal'
            and legal_actions_to_build.journalist_position = 'defendant'
            and legal_actions_to_build.is_active_in_period
            and report_victim_groups.is_person_group
        ) as is_itemized_criminal_charge,
        legal_actions_to_build.current_stage_code,
        legal_actions_to_build.current_stage_date,
        legal_actions_to_build.current_outcome_group,
        legal_actions_to_build.is_concluded,
        legal_actions_to_build.current_penalty_text,
        legal_actions_to_build.impunity_status,
        legal_actions_to_build.legal_action_summary,
        legal_actions_to_build.inconsistency_note is not null as has_source_inconsistency,
        legal_actions_to_build.inconsistency_note,
        legal_actions_to_build.source_section,
        legal_actions_to_build.source_locator,
        legal_actions_to_build.source_id,
        legal_actions_to_build.source_record_locator,
        legal_actions_to_build.load_batch_id

    from legal_actions_to_build
    inner join appearances
        on
            legal_actions_to_build.country_code = appearances.country_code
            and legal_actions_to_build.period_year = appearances.period_year
            and legal_actions_to_build.legal_action_id = appearances.appearance_id
    inner join role_to_victim_group
        on legal_actions_to_build.victim_role_code = role_to_victim_group.role_code
    inner join report_victim_groups
        on role_to_victim_group.report_victim_group = report_victim_groups.report_victim_group
    left join incidents
        on legal_actions_to_build.related_event_id = incidents.event_id

)

select * from final
