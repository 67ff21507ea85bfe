with

stages as (

    select * from {{ ref('int_legal_action_stages__sequenced') }}

),

legal_actions as (

    select * from {{ ref('fct_legal_actions') }}

),

final as (

    select
        {{ surrogate_key(['stages.country_code', 'stages.period_year', 'stages.stage_id']) }} as legal_action_stage_key,
        stages.stage_id,
        legal_actions.legal_action_key,
        stages.legal_action_id,
        stages.country_code,
        stages.period_year,
        stages.stage_sequence,
        stages.stage_code,
        stages.stage_order,
        stages.stage_date,
        stages.date_precision,
        stages.next_stage_date,
        stages.is_current_stage,
        stages.is_terminal,
        stages.outcome_group,
        stages.penalty_text,
        stages.alt_stage_date,
        stages.inconsistency_note is not null as has_source_inconsistency,
        stages.inconsistency_note,
        stages.source_section,
        stages.source_locator

    from stages
    inner join legal_actions
        on stages.legal_action_id = legal_actions.legal_action_id

)

select * from final
