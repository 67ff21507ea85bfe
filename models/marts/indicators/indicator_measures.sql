-- The JSI indicators' one table: for each assessed country, period and indicator, the report's
-- assessment and every measure the warehouse holds for it, in one long shape (register measures as
-- the catalogue assigns them, the organisations and published figures of the indicator's chapter,
-- and the count of those figures). An assessed indicator without any measure still has one row,
-- with empty measure columns. The 18 jsi_<code>_<slug> views each select one indicator's rows.
with

assessments as (

    select * from {{ ref('jsi_assessments') }}

),

dim_indicators as (

    select * from {{ ref('dim_indicators') }}

),

catalogue as (

    select * from {{ ref('ref_indicator_measures') }}

),

indicators as (

    select * from {{ ref('jsi_indicators') }}

),

register_measures as (

    select * from {{ ref('register_measures') }}

),

organisations as (

    select * from {{ ref('dim_organisations') }}

),

statistics as (

    select * from {{ ref('fct_reported_statistics') }}

),

from_register as (

    select
        register_measures.country_code,
        register_measures.period_year,
        catalogue.indicator_code,
        'register' as measure_source,
        register_measures.measure,
        register_measures.breakdown,
        register_measures.breakdown_value,
        register_measures.measure_value,
        register_measures.unit,
        null as figure_id

    from register_measures
    inner join catalogue
        on
            register_measures.measure = catalogue.measure
            and register_measures.breakdown = catalogue.breakdown

),

chapter_organisations as (

    select
        organisations.country_code,
        organisations.period_year,
        organisations.source_section as indicator_code,
        'register' as measure_source,
        'organisations_discussed' as measure,
        'organisation_type' as breakdown,
        organisations.organisation_type as breakdown_value,
        cast(count(*) as double) as measure_value,
        'count' as unit,
        null as figure_id

    from organisations
    inner join indicators
        on organisations.source_section = indicators.indicator_code
    group by all

),

chapter_organisation_totals as (

    select
        chapter_organisations.country_code,
        chapter_organisations.period_year,
        chapter_organisations.indicator_code,
        'register' as measure_source,
        'organisations_discussed' as measure,
        'total' as breakdown,
        'all' as breakdown_value,
        sum(chapter_organisations.measure_value) as measure_value,
        'count' as unit,
        null as figure_id

    from chapter_organisations
    group by all

),

chapter_figures as (

    select
        statistics.country_code,
        statistics.period_year,
        statistics.source_section as indicator_code,
        'published' as measure_source,
        statistics.metric as measure,
        coalesce(
            nullif(concat_ws(' x ', statistics.dimension_1_name, statistics.dimension_2_name, statistics.dimension_3_name), ''),
            'total'
        ) as breakdown,
        coalesce(
            nullif(
                concat_ws(' x ', statistics.dimension_1_value, statistics.dimension_2_value, statistics.dimension_3_value), ''
            ),
            'all'
        ) as breakdown_value,
        cast(statistics.figure_value as double) as measure_value,
        statistics.unit,
        statistics.figure_id

    from statistics
    inner join indicators
        on statistics.source_section = indicators.indicator_code

),

chapter_figure_counts as (

    select
        chapter_figures.country_code,
        chapter_figures.period_year,
        chapter_figures.indicator_code,
        'register' as measure_source,
        'published_figures' as measure,
        'total' as breakdown,
        'all' as breakdown_value,
        cast(count(*) as double) as measure_value,
        'count' as unit,
        null as figure_id

    from chapter_figures
    group by all

),

all_measures as (

    select * from from_register
    union all
    select * from chapter_organisations
    union all
    select * from chapter_organisation_totals
    union all
    select * from chapter_figures
    union all
    select * from chapter_figure_counts

),

measures as (

    select
        all_measures.*,
        coalesce(
            catalogue.is_headline and catalogue.headline_breakdown_value = all_measures.breakdown_value, false
        ) as is_headline
    from all_measures
    left join catalogue
        on
            all_measures.indicator_code = catalogue.indicator_code
            and all_measures.measure = catalogue.measure
            and all_measures.breakdown = catalogue.breakdown
            and all_measures.measure_source = 'register'

),

final as (

    select
        assessments.country_code,
        assessments.period_year,
        assessments.indicator_code,
        dim_indicators.category_code,
        dim_indicators.indicator_title,
        assessments.assessment_status,
        assessments.finding,
        measures.measure_source,
        measures.measure,
        measures.breakdown,
        measures.breakdown_value,
        measures.measure_value,
        measures.unit,
        coalesce(measures.is_headline, false) as is_headline,
        measures.figure_id

    from assessments
    inner join dim_indicators
        on assessments.indicator_code = dim_indicators.indicator_code
    left join measures
        on
            assessments.country_code = measures.country_code
            and assessments.period_year = measures.period_year
            and assessments.indicator_code = measures.indicator_code

)

select * from final
