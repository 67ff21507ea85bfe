-- One row per killing of a journalist or media worker counted once across sources (its event group)
-- (fct_linked_records), with its country, the year of the killing and the outcome of its
-- prosecution: the most favourable outcome any of its sources states (outcome_rank), unknown when
-- none states one. impunity_by_country and the semantic layer's impunity metrics count these rows.
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
        min_by(linked_records.event_country_code, linked_records.event_year) as country_code,
        min(linked_records.event_year) as event_year,
        coalesce(min_by(known_outcomes.impunity_outcome_code, known_outcomes.outcome_rank), 'unknown')
            as impunity_outcome_code

    from linked_records
    left join known_outcomes
        on linked_records.impunity_outcome_code = known_outcomes.impunity_outcome_code
    where linked_records.category_code = 'killing' and linked_records.event_year is not null
    group by linked_records.event_group_id

)

select * from final
