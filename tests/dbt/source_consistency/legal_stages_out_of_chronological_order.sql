-- Stages are sequenced in the order the register lists them; a dated stage that is earlier than
-- the dated stage before it is worth a look (a year-precision date is compared by its year).
-- Warn: it may be the report's order of telling or an extraction slip.
{{ config(severity='warn') }}

with

stages as (

    select * from {{ ref('int_legal_action_stages__sequenced') }}

),

dated as (

    select
        stages.legal_action_id,
        stages.stage_id,
        stages.stage_sequence,
        stages.stage_date,
        stages.date_precision,
        lag(stages.stage_date) over (
            partition by stages.legal_action_id order by stages.stage_sequence
        ) as previous_stage_date,
        lag(stages.date_precision) over (
            partition by stages.legal_action_id order by stages.stage_sequence
        ) as previous_date_precision

    from stages
    where stages.stage_date is not null

),

final as (

    select * from dated
    where
        dated.stage_date < dated.previous_stage_date
        and not (
            'year' in (dated.date_precision, dated.previous_date_precision)
            and year(dated.stage_date) = year(dated.previous_stage_date)
        )

)

select * from final
