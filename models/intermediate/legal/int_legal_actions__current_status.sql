-- Each legal action with its status derived from its stage history: current stage, outcome,
-- whether it is concluded, and (for crimes against journalists) what it means for impunity.
-- A table built by load batch: an append rebuilds the legal actions of which the action or a stage
-- arrived in a new batch (a new stage changes the action's status), so its readers and its tests
-- read the table instead of deriving every status again.
-- depends_on: {{ ref('int_register__legal_action_stages') }}
with
{%- if is_incremental() %}

-- the stages as delivered, by batch (the sequenced view numbers all of an action's stages)
delivered_stages as (

    select * from {{ ref('int_register__legal_action_stages') }}

),
{%- endif %}

all_actions as (

    select * from {{ ref('int_register__legal_actions') }}

),

all_stages as (

    select * from {{ ref('int_legal_action_stages__sequenced') }}

),

-- the legal actions this run (re)builds: all, or in an append those with a new batch's action or
-- stage (on Spark the partitions they fall in)
legal_actions as (

    select all_actions.*
    from all_actions
    {%- if is_incremental() %}
        where {{ rows_of_newer_batches('all_actions', [{'column': 'legal_action_id', 'from': 'delivered_stages'}]) }}
    {%- endif %}

),

stages as (

    select all_stages.*
    from all_stages
    {%- if is_incremental() %}
        where all_stages.legal_action_id in (select legal_actions.legal_action_id from legal_actions)
    {%- endif %}

),

current_stage as (

    select * from stages
    where stages.is_current_stage

),

stage_dates as (

    select
        stages.legal_action_id,
        -- the penalty in force: that of the latest stage that states one (an appeal that upholds a
        -- sentence without restating it leaves that sentence in force)
        max_by(stages.penalty_text, stages.stage_sequence) filter (where stages.penalty_text is not null)
            as latest_penalty_text,
        count(*) as stage_count,
        min(stages.stage_date) as first_stage_date,
        max(stages.stage_date) as last_stage_date,
        max(stages.load_batch_id) as load_batch_id

    from stages
    group by stages.legal_action_id

),

final as (

    select
        legal_actions.legal_action_id,
        legal_actions.country_code,
        legal_actions.period_year,
        legal_actions.procedure_type,
        legal_actions.journalist_position,
        legal_actions.related_event_id,
        legal_actions.legal_article_id,
        legal_actions.victim_name,
        legal_actions.victim_identity,
        legal_actions.victim_role_code,
        legal_actions.victim_sex,
        legal_actions.victim_sex_basis,
        legal_actions.outlet_name,
        legal_actions.claimant_type,
        legal_actions.claimant_description,
        legal_actions.legal_action_summary,
        coalesce(stage_dates.stage_count, 0) as stage_count,
        stage_dates.first_stage_date,
        stage_dates.last_stage_date,
        -- a case belongs to the period's activity unless its last dated stage is older
        coalesce(year(stage_dates.last_stage_date) >= legal_actions.period_year, true) as is_active_in_period,
        coalesce(current_stage.stage_code, 'not_reported') as current_stage_code,
        current_stage.stage_date as current_stage_date,
        coalesce(current_stage.outcome_group, 'open') as current_outcome_group,
        coalesce(current_stage.is_terminal, false) as is_concluded,
        case
            when current_stage.outcome_group = 'against_defendant'
                then coalesce(current_stage.penalty_text, stage_dates.latest_penalty_text)
            else current_stage.penalty_text
        end as current_penalty_text,
        case
            when legal_actions.journalist_position = 'injured_party'
                then coalesce(current_stage.impunity_status, 'unresolved')
        end as impunity_status,
        legal_actions.inconsistency_note,
        legal_actions.source_section,
        legal_actions.source_locator,
        legal_actions.source_id,
        legal_actions.source_record_locator,
        -- the newest load batch that delivered the action or one of its stages
        greatest(legal_actions.load_batch_id, coalesce(stage_dates.load_batch_id, 0)) as load_batch_id

    from legal_actions
    left join current_stage
        on legal_actions.legal_action_id = current_stage.legal_action_id
    left join stage_dates
        on legal_actions.legal_action_id = stage_dates.legal_action_id

)

select * from final
