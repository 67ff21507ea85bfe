-- Lists every row where the report contradicts itself (the row keeps what the report says and
-- explains the contradiction). Warn only: these are findings about the source, not defects.
{{ config(severity='warn') }}

with

incidents as (

    select * from {{ ref('fct_incidents') }}

),

legal_actions as (

    select * from {{ ref('fct_legal_actions') }}

),

stages as (

    select * from {{ ref('fct_legal_action_status_history') }}

),

statistics as (

    select * from {{ ref('fct_reported_statistics') }}

),

final as (

    select
        'fct_incidents' as relation_name,
        incidents.event_id as row_id,
        incidents.inconsistency_note
    from incidents
    where incidents.has_source_inconsistency

    union all

    select
        'fct_legal_actions' as relation_name,
        legal_actions.legal_action_id as row_id,
        legal_actions.inconsistency_note
    from legal_actions
    where legal_actions.has_source_inconsistency

    union all

    select
        'fct_legal_action_status_history' as relation_name,
        stages.stage_id as row_id,
        stages.inconsistency_note
    from stages
    where stages.has_source_inconsistency

    union all

    select
        'fct_reported_statistics' as relation_name,
        statistics.figure_id as row_id,
        statistics.inconsistency_note
    from statistics
    where statistics.has_source_inconsistency

)

select * from final
