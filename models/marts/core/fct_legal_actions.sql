with

legal_actions as (

    select * from {{ ref('int_legal_actions__current_status') }}

),

victim_roles as (

    select * from {{ ref('vocab_victim_roles') }}

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

person_names as (

    select * from {{ ref('int_person_names__gender') }}

),

-- the legal actions this run (re)builds: all of them, or in an incremental run those whose
-- action or stages arrived in a new load batch
legal_actions_to_build as (

    select legal_actions.*
    from legal_actions
    {%- if is_incremental() %}
        {%- set picked %}
            legal_actions.load_batch_id > {{ load_batch_watermark() }}
        {%- endset %}
        where {{ rows_to_rebuild('legal_actions', picked) }}
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
        {{ victim_key(
            'legal_actions_to_build.country_code',
            'victim_roles.default_victim_type',
            'legal_actions_to_build.victim_identity',
            'legal_actions_to_build.legal_action_id',
        ) }} as victim_key,
        {{ outlet_key(
            'legal_actions_to_build.country_code',
            affected_outlet_name('legal_actions_to_build.outlet_name', 'victim_roles.default_victim_type', 'legal_actions_to_build.victim_name')
        ) }} as outlet_key,
        incidents.incident_key as related_incident_key,
        legal_actions_to_build.related_event_id,
        legal_actions_to_build.victim_name,
        legal_actions_to_build.victim_role_code,
        role_to_victim_group.report_victim_group,
        {{ resolved_gender('victim_roles.default_victim_type', 'legal_actions_to_build.victim_gender', 'person_names.inferred_gender') }}
            as victim_gender,
        {{ resolved_gender_basis(
            'victim_roles.default_victim_type', 'legal_actions_to_build.victim_gender',
            'legal_actions_to_build.victim_gender_basis', 'person_names.inferred_gender',
        ) }} as victim_gender_basis,
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
    inner join victim_roles
        on legal_actions_to_build.victim_role_code = victim_roles.role_code
    inner join role_to_victim_group
        on legal_actions_to_build.victim_role_code = role_to_victim_group.role_code
    inner join report_victim_groups
        on role_to_victim_group.report_victim_group = report_victim_groups.report_victim_group
    left join incidents
        on legal_actions_to_build.related_event_id = incidents.event_id
    left join person_names
        on
            legal_actions_to_build.country_code = person_names.country_code
            and legal_actions_to_build.victim_name = person_names.victim_name
            and victim_roles.default_victim_type = 'person'

)

select * from final
