-- One row per killing of a journalist or media worker counted once across sources (its event
-- group), with its country, the year of the killing (the earliest its sources give) and the
-- outcome of its prosecution: the most favourable outcome any of its sources states
-- (killing_outcomes_by_source, where the rule lives), unknown when none states one.
-- impunity_by_country and the semantic layer's impunity metrics count these rows.
with

source_outcomes as (

    select * from {{ ref('killing_outcomes_by_source') }}

),

final as (

    select
        source_outcomes.event_group_id,
        min_by(source_outcomes.country_code, source_outcomes.event_year) as country_code,
        min(source_outcomes.event_year) as event_year,
        coalesce(min_by(source_outcomes.impunity_outcome_code, source_outcomes.outcome_rank), 'unknown')
            as impunity_outcome_code

    from source_outcomes
    group by source_outcomes.event_group_id

)

select * from final
