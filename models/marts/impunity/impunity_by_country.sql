-- Killings of journalists and media workers per country and year of the killing, by the outcome
-- of their prosecution (full justice, partial justice, complete impunity, unknown), each killing
-- counted once across sources (killing_outcomes: an event group takes the most favourable outcome
-- any of its records states), with the impunity rate: the share of killings with a known outcome in which no
-- one was convicted (the measure UNESCO's Director-General reports).
with

killings as (

    select * from {{ ref('killing_outcomes') }}

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
