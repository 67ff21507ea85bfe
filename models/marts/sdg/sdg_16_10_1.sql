-- SDG 16.10.1: verified PERSONS of the period by violation type (A-F) x victim group x sex x
-- perpetrator status, each person counted once per violation type (sdg_16_10_1_victims), with the
-- number of incidents beside it, explicit zero rows for every country-period that an assessment
-- covers or any source records, the deprivations of liberty whose arbitrariness is not
-- established beside type D, and undated incidents apart (never counted in the period). Persons and
-- appearances add up over the cells of one type; incidents do not (an incident with victims in two
-- cells is in both): sdg_16_10_1_by_type gives each type's totals.
with

-- every country-period an assessment covers or any source records an incident in, with its name
periods as (

    select * from {{ ref('sdg_16_10_1_periods') }}

),

sdg_violation_types as (

    select * from {{ ref('ref_sdg_violation_types') }}

),

victim_groups as (

    select * from {{ ref('ref_sdg_victim_groups') }}
    where is_in_scope

),

vocab_sexes as (

    select * from {{ ref('vocab_sexes') }}

),

perpetrator_statuses as (

    select * from {{ ref('ref_sdg_perpetrator_statuses') }}

),

-- the SDG sexes and their labels (the sex of the same code: Female, Male, Sex unknown)
sdg_sexes as (

    select
        vocab_sexes.sdg_sex,
        vocab_sexes.sex_name as sdg_sex_name
    from vocab_sexes
    where vocab_sexes.sdg_sex != 'not_applicable' and vocab_sexes.sex_code = vocab_sexes.sdg_sex

),

grid as (

    select
        periods.country_code,
        periods.country_name,
        periods.period_year,
        sdg_violation_types.sdg_violation_code,
        sdg_violation_types.sdg_violation_name,
        sdg_violation_types.is_sdg_16_10_1_violation,
        victim_groups.sdg_victim_group,
        victim_groups.sdg_victim_group_name,
        sdg_sexes.sdg_sex,
        sdg_sexes.sdg_sex_name,
        perpetrator_statuses.sdg_perpetrator_status,
        perpetrator_statuses.sdg_perpetrator_status_name,
        periods.is_covered_in_part,
        periods.sources_covering_in_part

    from periods
    cross join sdg_violation_types
    cross join victim_groups
    cross join sdg_sexes
    cross join perpetrator_statuses
    where sdg_violation_types.sdg_violation_code != 'out_of_scope'

),

counted as (

    {{ sdg_counts(ref('sdg_16_10_1_victims'), [
        'country_code', 'period_year', 'sdg_violation_code', 'sdg_victim_group', 'sdg_sex', 'sdg_perpetrator_status',
    ]) }}

),

final as (

    select
        grid.country_code,
        grid.country_name,
        grid.period_year,
        grid.sdg_violation_code,
        grid.sdg_violation_name,
        grid.is_sdg_16_10_1_violation,
        grid.sdg_victim_group,
        grid.sdg_victim_group_name,
        grid.sdg_sex,
        grid.sdg_sex_name,
        grid.sdg_perpetrator_status,
        grid.sdg_perpetrator_status_name,
        coalesce(counted.verified_victims, 0) as verified_victims,
        coalesce(counted.verified_incidents, 0) as verified_incidents,
        coalesce(counted.verified_victim_appearances, 0) as verified_victim_appearances,
        coalesce(counted.undated_verified_victims, 0) as undated_verified_victims,
        grid.is_covered_in_part,
        grid.sources_covering_in_part

    from grid
    left join counted
        on
            grid.country_code = counted.country_code
            and grid.period_year = counted.period_year
            and grid.sdg_violation_code = counted.sdg_violation_code
            and grid.sdg_victim_group = counted.sdg_victim_group
            and grid.sdg_sex = counted.sdg_sex
            and grid.sdg_perpetrator_status = counted.sdg_perpetrator_status

)

-- stored in country and period order: a query of one country and period reads only its row groups
select * from final
order by final.country_code, final.period_year
