-- SDG 16.10.1 per violation type: the totals of each type of the period, counted from the person
-- rows (sdg_16_10_1_victims), not summed from the cells of sdg_16_10_1, because an incident whose
-- victims fall in two cells is one incident. Same periods and types as sdg_16_10_1 (its grid),
-- zero rows included; undated incidents apart.
with

cells as (

    select * from {{ ref('sdg_16_10_1') }}

),

-- the table's grid (every country-period and violation type), read from sdg_16_10_1 so that the
-- two relations cover the same rows
types_of_periods as (

    select distinct
        cells.country_code,
        cells.period_year,
        cells.sdg_violation_code,
        cells.sdg_violation_name,
        cells.is_sdg_16_10_1_violation,
        cells.is_covered_in_part,
        cells.sources_covering_in_part
    from cells

),

counted as (

    {{ sdg_counts(ref('sdg_16_10_1_victims'), ['country_code', 'period_year', 'sdg_violation_code']) }}

),

final as (

    select
        types_of_periods.country_code,
        types_of_periods.period_year,
        types_of_periods.sdg_violation_code,
        types_of_periods.sdg_violation_name,
        types_of_periods.is_sdg_16_10_1_violation,
        coalesce(counted.verified_victims, 0) as verified_victims,
        coalesce(counted.verified_incidents, 0) as verified_incidents,
        coalesce(counted.verified_victim_appearances, 0) as verified_victim_appearances,
        coalesce(counted.undated_verified_victims, 0) as undated_verified_victims,
        types_of_periods.is_covered_in_part,
        types_of_periods.sources_covering_in_part

    from types_of_periods
    left join counted
        on
            types_of_periods.country_code = counted.country_code
            and types_of_periods.period_year = counted.period_year
            and types_of_periods.sdg_violation_code = counted.sdg_violation_code

)

select * from final
