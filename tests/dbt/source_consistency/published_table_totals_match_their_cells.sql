-- In every table the report publishes, a total (a figure with fewer breakdowns) should equal
-- the sum of the cells it totals (the same metric and table with one more breakdown, agreeing
-- on the total's breakdowns). Warn: a mismatch is the report's arithmetic, kept as published.
{{ config(severity='warn') }}

with

statistics as (

    select * from {{ ref('fct_reported_statistics') }}

),

counted as (

    select *
    from statistics
    where
        statistics.table_name is not null
        and statistics.unit = 'count'

),

-- one row per breakdown of a figure (name and value)
breakdowns as (

    select
        counted.reported_statistic_key,
        counted.dimension_1_name as dimension_name,
        counted.dimension_1_value as dimension_value
    from counted
    where counted.dimension_1_name is not null

    union all

    select
        counted.reported_statistic_key,
        counted.dimension_2_name as dimension_name,
        counted.dimension_2_value as dimension_value
    from counted
    where counted.dimension_2_name is not null

    union all

    select
        counted.reported_statistic_key,
        counted.dimension_3_name as dimension_name,
        counted.dimension_3_value as dimension_value
    from counted
    where counted.dimension_3_name is not null

),

cells as (

    select
        counted.reported_statistic_key,
        counted.figure_id,
        counted.country_code,
        counted.period_year,
        counted.metric,
        counted.table_name,
        counted.figure_value,
        count(breakdowns.dimension_name) as breakdown_count

    from counted
    left join breakdowns
        on counted.reported_statistic_key = breakdowns.reported_statistic_key
    group by
        counted.reported_statistic_key,
        counted.figure_id,
        counted.country_code,
        counted.period_year,
        counted.metric,
        counted.table_name,
        counted.figure_value

),

-- a figure with one breakdown more than a total, in the same table
candidates as (

    select
        totals.reported_statistic_key as total_key,
        parts.reported_statistic_key as part_key,
        totals.figure_id as total_figure_id,
        totals.metric,
        totals.table_name,
        totals.figure_value as stated_total,
        totals.breakdown_count as total_breakdown_count,
        parts.figure_value as part_value

    from cells as totals
    inner join cells as parts
        on
            totals.country_code = parts.country_code
            and totals.period_year = parts.period_year
            and totals.metric = parts.metric
            and totals.table_name = parts.table_name
            and parts.breakdown_count = totals.breakdown_count + 1

),

-- how many of the total's breakdowns the candidate repeats with the same value
shared as (

    select
        candidates.total_key,
        candidates.part_key,
        count(*) as shared_count

    from candidates
    inner join breakdowns as total_breakdowns
        on candidates.total_key = total_breakdowns.reported_statistic_key
    inner join breakdowns as part_breakdowns
        on
            candidates.part_key = part_breakdowns.reported_statistic_key
            and total_breakdowns.dimension_name = part_breakdowns.dimension_name
            and total_breakdowns.dimension_value = part_breakdowns.dimension_value
    group by candidates.total_key, candidates.part_key

),

-- the cells of each total: candidates that agree on every breakdown of the total
pairs as (

    select candidates.*
    from candidates
    left join shared
        on
            candidates.total_key = shared.total_key
            and candidates.part_key = shared.part_key
    where coalesce(shared.shared_count, 0) = candidates.total_breakdown_count

),

-- the breakdown a cell adds to its total
split as (

    select
        pairs.total_key,
        pairs.part_key,
        part_breakdowns.dimension_name as split_by

    from pairs
    inner join breakdowns as part_breakdowns
        on pairs.part_key = part_breakdowns.reported_statistic_key
    left join breakdowns as total_breakdowns
        on
            pairs.total_key = total_breakdowns.reported_statistic_key
            and part_breakdowns.dimension_name = total_breakdowns.dimension_name
    where total_breakdowns.reported_statistic_key is null

),

by_breakdown as (

    -- a total can be split along different breakdowns (by article, by victim group): check each
    select
        pairs.total_figure_id,
        pairs.metric,
        pairs.table_name,
        pairs.stated_total,
        split.split_by,
        sum(pairs.part_value) as sum_of_cells

    from pairs
    inner join split
        on
            pairs.total_key = split.total_key
            and pairs.part_key = split.part_key
    group by
        pairs.total_key,
        pairs.total_figure_id,
        pairs.metric,
        pairs.table_name,
        pairs.stated_total,
        split.split_by

)

select
    by_breakdown.total_figure_id,
    by_breakdown.metric,
    by_breakdown.table_name,
    by_breakdown.stated_total,
    by_breakdown.split_by,
    by_breakdown.sum_of_cells
from by_breakdown
where by_breakdown.sum_of_cells != by_breakdown.stated_total
