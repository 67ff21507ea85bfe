-- The cells of sdg_16_10_1 are additive in persons, appearances and undated persons: within a
-- type they add up to that type's totals in sdg_16_10_1_by_type (each person sits in one cell per
-- type), and both relations cover the same country-periods and types. Incidents are the one
-- column that does not add up; it is not checked here. One row per breach.
with

cells as (

    select
        country_code,
        period_year,
        sdg_violation_code,
        sum(verified_victims) as verified_victims,
        sum(verified_victim_appearances) as verified_victim_appearances,
        sum(undated_verified_victims) as undated_verified_victims
    from {{ ref('sdg_16_10_1') }}
    group by all

),

totals as (

    select * from {{ ref('sdg_16_10_1_by_type') }}

),

final as (

    select
        coalesce(cells.country_code, totals.country_code) as country_code,
        coalesce(cells.period_year, totals.period_year) as period_year,
        coalesce(cells.sdg_violation_code, totals.sdg_violation_code) as sdg_violation_code,
        cells.verified_victims as cells_verified_victims,
        totals.verified_victims as total_verified_victims
    from cells
    full outer join totals
        on
            cells.country_code = totals.country_code
            and cells.period_year = totals.period_year
            and cells.sdg_violation_code = totals.sdg_violation_code
    where
        cells.country_code is null
        or totals.country_code is null
        or cells.verified_victims != totals.verified_victims
        or cells.verified_victim_appearances != totals.verified_victim_appearances
        or cells.undated_verified_victims != totals.undated_verified_victims

)

select * from final
