-- One row per figure the report publishes, beside the value the register derives for it.
-- status: inconsistent_in_source (the report contradicts itself on the figure), not_derivable
-- (the register cannot compute a figure of that shape), reconciled, register_incomplete
-- (the register itemizes fewer) or register_exceeds (the register itemizes more).
with

statistics as (

    select * from {{ ref('fct_reported_statistics') }}

),

register_figures as (

    select
        register_counts.*,
        {{ dimension_key('register_counts') }} as dimension_key,
        {{ dimension_key('register_counts', names_only=true) }} as dimension_names
    from {{ ref('register_counts') }} as register_counts

),

derivable_shapes as (

    -- a published figure is derivable when the register computes its metric with the same
    -- breakdown names; a missing value of a derivable shape is then a register count of zero
    select distinct
        register_figures.country_code,
        register_figures.period_year,
        register_figures.metric,
        register_figures.dimension_names

    from register_figures

),

published as (

    select
        statistics.*,
        {{ dimension_key('statistics') }} as dimension_key,
        {{ dimension_key('statistics', names_only=true) }} as dimension_names

    from statistics

),

countries as (

    select * from {{ ref('dim_countries') }}

),

statuses as (

    select * from {{ ref('vocab_reconciliation_statuses') }}

),

compared as (

    select
        published.*,
        derivable_shapes.metric is not null and published.unit = 'count' as is_derivable,
        case
            when derivable_shapes.metric is not null and published.unit = 'count'
                then coalesce(register_figures.register_value, 0)
        end as register_value

    from published
    left join derivable_shapes
        on
            published.country_code = derivable_shapes.country_code
            and published.period_year = derivable_shapes.period_year
            and published.metric = derivable_shapes.metric
            and published.dimension_names = derivable_shapes.dimension_names
    left join register_figures
        on
            published.country_code = register_figures.country_code
            and published.period_year = register_figures.period_year
            and published.reference_year = register_figures.reference_year
            and published.metric = register_figures.metric
            and published.dimension_key = register_figures.dimension_key

),

classified as (

    select
        compared.reported_statistic_key,
        compared.figure_id,
        compared.country_code,
        compared.period_year,
        compared.reference_year,
        compared.source_dataset,
        compared.metric,
        compared.dimension_key,
        concat_ws(
            ', ',
            compared.metric,
            nullif(replace(compared.dimension_key, '|', ', '), ''),
            'year ' || compared.reference_year
        ) as description,
        compared.stated_as,
        compared.figure_value as published_value,
        compared.unit,
        cast(compared.register_value as decimal(18, 4)) as register_value,
        cast(compared.register_value - compared.figure_value as decimal(18, 4)) as register_minus_published,
        case
            when compared.has_source_inconsistency then 'inconsistent_in_source'
            when not compared.is_derivable then 'not_derivable'
            when compared.register_value = compared.figure_value then 'reconciled'
            when compared.register_value < compared.figure_value then 'register_incomplete'
            else 'register_exceeds'
        end as status,
        compared.repeat_of_figure_id,
        compared.inconsistency_note,
        compared.source_section,
        compared.source_locator

    from compared

),

final as (

    select
        classified.*,
        countries.country_name,
        statuses.reconciliation_status_name as status_name

    from classified
    left join countries
        on classified.country_code = countries.country_code
    inner join statuses
        on classified.status = statuses.reconciliation_status

)

select * from final  -- noqa: AM04
