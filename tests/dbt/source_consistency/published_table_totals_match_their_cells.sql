-- In every table the report publishes, a total (a figure with fewer breakdowns) should equal
-- the sum of the cells it totals (the same metric and table with one more breakdown, agreeing
-- on the total's breakdowns). Warn: a mismatch is the report's arithmetic, kept as published.
{{ config(severity='warn') }}

with

statistics as (

    select * from {{ ref('fct_reported_statistics') }}

),

cells as (

    select
        statistics.figure_id,
        statistics.country_code,
        statistics.period_year,
        statistics.metric,
        statistics.table_name,
        statistics.figure_value,
        statistics.unit,
        map_from_entries(
            list_filter(
                [
                    struct_pack(k := statistics.dimension_1_name, v := statistics.dimension_1_value),
                    struct_pack(k := statistics.dimension_2_name, v := statistics.dimension_2_value),
                    struct_pack(k := statistics.dimension_3_name, v := statistics.dimension_3_value)
                ],
                lambda entry: entry.k is not null
            )
        ) as dimensions

    from statistics
    where
        statistics.table_name is not null
        and statistics.unit = 'count'

),

pairs as (

    select
        totals.figure_id as total_figure_id,
        totals.metric,
        totals.table_name,
        totals.figure_value as stated_total,
        parts.dimensions as part_dimensions,
        totals.dimensions as total_dimensions,
        parts.figure_value as part_value

    from cells as totals
    inner join cells as parts
        on
            totals.country_code = parts.country_code
            and totals.period_year = parts.period_year
            and totals.metric = parts.metric
            and totals.table_name = parts.table_name
            and cardinality(parts.dimensions) = cardinality(totals.dimensions) + 1
            and list_has_all(map_keys(parts.dimensions), map_keys(totals.dimensions))
            and list_has_all(
                list_transform(map_keys(totals.dimensions), lambda k: parts.dimensions[k]),  -- noqa: RF02
                list_transform(map_keys(totals.dimensions), lambda k: totals.dimensions[k])  -- noqa: RF02
            )

),

by_breakdown as (

    -- a total can be split along different breakdowns (by article, by victim group): check each
    select
        pairs.total_figure_id,
        pairs.metric,
        pairs.table_name,
        pairs.stated_total,
        list_sort(
            list_filter(map_keys(pairs.part_dimensions), lambda k: not list_contains(map_keys(pairs.total_dimensions), k))  -- noqa: RF02, RF03
        )[1] as split_by,
        sum(pairs.part_value) as sum_of_cells

    from pairs
    group by all

)

select * from by_breakdown
where by_breakdown.sum_of_cells != by_breakdown.stated_total
