-- Killings of journalists and media workers per country and year of the killing, by the outcome
-- of their prosecution (full justice, partial justice, complete impunity, unknown), with the
-- impunity rate: the share of killings with a known outcome in which no one was convicted (the
-- measure UNESCO's Director-General reports). Two kinds of row, told apart by source_id:
-- - each source on its own (killing_outcomes_by_source): the killings that source records, with
--   the country, year and outcome it gives;
-- - all sources together (source_id 'all_sources'; killing_outcomes): each killing once, with the
--   most favourable outcome any source states.
-- The rows of one country and year never add up across the kinds: a killing two sources record
-- is in both sources' rows and once in the all-sources row.
with

source_outcomes as (

    select * from {{ ref('killing_outcomes_by_source') }}

),

all_outcomes as (

    select * from {{ ref('killing_outcomes') }}

),

sources as (

    select * from {{ ref('dim_sources') }}

),

countries as (

    select * from {{ ref('dim_countries') }}

),

killings as (

    select
        source_outcomes.country_code,
        source_outcomes.event_year,
        source_outcomes.source_id,
        sources.publisher as source_name,
        false as is_all_sources,
        source_outcomes.impunity_outcome_code
    from source_outcomes
    inner join sources
        on source_outcomes.source_id = sources.source_id

    union all

    select
        all_outcomes.country_code,
        all_outcomes.event_year,
        'all_sources' as source_id,
        'All sources, each killing once' as source_name,
        true as is_all_sources,
        all_outcomes.impunity_outcome_code
    from all_outcomes

),

final as (

    select
        killings.country_code,
        countries.country_name,
        killings.event_year,
        killings.source_id,
        killings.source_name,
        killings.is_all_sources,
        count(*) as killings,
        count(*) filter (where killings.impunity_outcome_code = 'full_justice') as full_justice,
        count(*) filter (where killings.impunity_outcome_code = 'partial_justice') as partial_justice,
        count(*) filter (where killings.impunity_outcome_code = 'complete_impunity') as complete_impunity,
        count(*) filter (where killings.impunity_outcome_code = 'unknown') as outcome_unknown,
        cast(
            count(*) filter (where killings.impunity_outcome_code = 'complete_impunity') as double
        ) / nullif(count(*) filter (where killings.impunity_outcome_code != 'unknown'), 0) as impunity_rate

    from killings
    left join countries
        on killings.country_code = countries.country_code
    group by all

)

select * from final
