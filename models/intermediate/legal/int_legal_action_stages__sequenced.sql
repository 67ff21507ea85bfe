-- Stages of each legal action in the order the register lists them (the order in which the
-- report tells the case; undated stages keep their place), with the date the next stage began
-- and a flag for the stage the case is at now.
-- A table built by load batch, read by the legal actions' status and history: an append numbers
-- again the whole history of each legal action with a stage of a new batch (a new stage changes its
-- neighbours' next date and which stage is current), and only those: the windows below run over
-- the few actions it changes, not over every stage of the register.
with

all_stages as (

    select * from {{ ref('int_register__legal_action_stages') }}

),

-- the stages this run (re)numbers: all, or in an append every stage of each legal action with a
-- stage of a newer batch (the filter applies before the windows, which are per legal action)
stages as (

    select all_stages.*
    from all_stages
    {%- if is_incremental() %}
        where {{ rows_of_newer_batches('all_stages', [
            {'column': 'legal_action_id', 'from': ref('int_register__legal_action_stages')},
        ], own_batch=false) }}
    {%- endif %}

),

legal_stages as (

    select * from {{ ref('vocab_legal_stages') }}

),

sequenced as (

    select
        stages.*,
        legal_stages.stage_order,
        legal_stages.is_terminal,
        legal_stages.outcome_group,
        legal_stages.impunity_status,
        -- bigint on both engines (Spark's row_number is an int)
        cast(row_number() over (
            partition by stages.legal_action_id
            order by stages.stage_id asc
        ) as bigint) as stage_sequence

    from stages
    inner join legal_stages
        on stages.stage_code = legal_stages.stage_code

),

final as (

    select
        sequenced.*,
        lead(sequenced.stage_date) over (
            partition by sequenced.legal_action_id
            order by sequenced.stage_sequence
        ) as next_stage_date,
        sequenced.stage_sequence = max(sequenced.stage_sequence) over (
            partition by sequenced.legal_action_id
        ) as is_current_stage

    from sequenced

)

select * from final  -- noqa: AM04
