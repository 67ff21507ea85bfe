-- One row per killing of a journalist or media worker and source that records it (an event group of
-- fct_linked_records and one of its sources), with the country and year the source gives and the
-- outcome of the prosecution that source states: the most favourable of its records in the group
-- (vocab_impunity_outcomes.outcome_rank), unknown when none states one. The outcome rule lives
-- here; killing_outcomes applies it across sources, impunity_by_country counts both.
with

linked_records as (

    select * from {{ ref('fct_linked_records') }}

),

outcomes as (

    select * from {{ ref('vocab_impunity_outcomes') }}

),

known_outcomes as (

    select
        outcomes.impunity_outcome_code,
        outcomes.outcome_rank
    from outcomes
    where outcomes.impunity_outcome_code != 'unknown'

),

final as (

    select
        linked_records.event_group_id,
        linked_records.source_id,
        min_by(linked_records.event_country_code, linked_records.event_year) as country_code,
        min(linked_records.event_year) as event_year,
        coalesce(min_by(known_outcomes.impunity_outcome_code, known_outcomes.outcome_rank), 'unknown')
            as impunity_outcome_code,
        min(known_outcomes.outcome_rank) as outcome_rank

    from linked_records
    left join known_outcomes
        on linked_records.impunity_outcome_code = known_outcomes.impunity_outcome_code
    where linked_records.category_code = 'killing' and linked_records.event_year is not null
    group by linked_records.event_group_id, linked_records.source_id

)

select * from final
