-- One row per killing of a journalist or media worker counted as a case across sources
-- (fct_case_sources), with its country, the year of the killing and the outcome of its
-- prosecution: the most favourable outcome any of its sources states (outcome_rank), unknown when
-- none states one. impunity_by_country and the semantic layer's impunity metrics count these rows.
with

case_sources as (

    select * from {{ ref('fct_case_sources') }}

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
        case_sources.case_id,
        min_by(case_sources.event_country_code, case_sources.event_year) as country_code,
        min(case_sources.event_year) as event_year,
        coalesce(min_by(known_outcomes.impunity_outcome_code, known_outcomes.outcome_rank), 'unknown')
            as impunity_outcome_code

    from case_sources
    left join known_outcomes
        on case_sources.impunity_outcome_code = known_outcomes.impunity_outcome_code
    where case_sources.category_code = 'killing' and case_sources.event_year is not null
    group by case_sources.case_id

)

select * from final
