with

stages as (

    select * from {{ ref('int_legal_action_stages__sequenced') }}

),

legal_actions as (

    select * from {{ ref('fct_legal_actions') }}

),

-- the stages this run (re)builds: all of them, or in an incremental run the whole history of
-- every legal action rebuilt in this run (a new stage changes its neighbours' sequence)
stages_to_build as (

    select stages.*
    from stages
    {%- if is_incremental() %}
        where {{ rows_of_newer_batches('stages', [{'column': 'legal_action_id', 'from': ref('fct_legal_actions')}], own_batch=false) }}
    {%- endif %}

),

final as (

    select
        {{ surrogate_key(['stages_to_build.country_code', 'stages_to_build.period_year', 'stages_to_build.stage_id']) }} as legal_action_stage_key,
        stages_to_build.stage_id,
        legal_actions.legal_action_key,
        stages_to_build.legal_action_id,
        stages_to_build.country_code,
        stages_to_build.period_year,
        stages_to_build.stage_sequence,
        stages_to_build.stage_code,
        stages_to_build.stage_order,
        stages_to_build.stage_date,
        stages_to_build.date_precision,
        stages_to_build.next_stage_date,
        stages_to_build.is_current_stage,
        stages_to_build.is_terminal,
        stages_to_build.outcome_group,
        stages_to_build.penalty_text,
        stages_to_build.alt_stage_date,
        stages_to_build.inconsistency_note is not null as has_source_inconsistency,
        stages_to_build.inconsistency_note,
        stages_to_build.source_section,
        stages_to_build.source_locator,
        legal_actions.source_id,
        stages_to_build.source_locator as source_record_locator,
        legal_actions.load_batch_id

    from stages_to_build
    inner join legal_actions
        on stages_to_build.legal_action_id = legal_actions.legal_action_id

)

select * from final
