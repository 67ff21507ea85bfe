-- Killings of journalists and media workers per country and year of the killing, by the outcome
-- of their prosecution (full justice, partial justice, complete impunity, unknown), counted as
-- cases across sources (fct_case_sources), with the impunity rate: the share of killings with a
-- known outcome in which no one was convicted (the measure UNESCO's Director-General reports).
-- A case takes the most favourable outcome any of its sources states (outcome_rank).
with

case_sources as (

    select * from {{ ref('fct_case_sources') }}

),

outcomes as (

    select * from {{ ref('stg_vocab__impunity_outcomes') }}

),

known_outcomes as (

    select
        outcomes.impunity_outcome_code,
        outcomes.outcome_rank
    from outcomes
    where outcomes.impunity_outcome_code != 'unknown'

),

killings as (

    select
        case_sources.case_id,
        arg_min(case_sources.event_country_code, case_sources.event_year) as country_code,
        min(case_sources.event_year) as event_year,
        coalesce(arg_min(known_outcomes.impunity_outcome_code, known_outcomes.outcome_rank), 'unknown')
            as impunity_outcome_code

    from case_sources
    left join known_outcomes
        on case_sources.impunity_outcome_code = known_outcomes.impunity_outcome_code
    where case_sources.category_code = 'killing' and case_sources.event_year is not null
    group by case_sources.case_id

),

final as (

    select
        killings.country_code,
        killings.event_year,
        count(*) as killings,
        count(*) filter (where killings.impunity_outcome_code = 'full_justice') as full_justice,
        count(*) filter (where killings.impunity_outcome_code = 'partial_justice') as partial_justice,
        count(*) filter (where killings.impunity_outcome_code = 'complete_impunity') as complete_impunity,
        count(*) filter (where killings.impunity_outcome_code = 'unknown') as outcome_unknown,
        cast(
            count(*) filter (where killings.impunity_outcome_code = 'complete_impunity') as double
        ) / nullif(count(*) filter (where killings.impunity_outcome_code != 'unknown'), 0) as impunity_rate

    from killings
    group by all

)

select * from final
