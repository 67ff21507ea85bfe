{#-
    The body of every JSI indicator view (marts.jsi_<code>_<slug>): the report's assessment of
    the indicator for each country and period, with every measure the warehouse holds for it
    (one row per measure and breakdown value). An assessed indicator without any measure still
    has one row, with empty measure columns.
-#}
{% macro jsi_indicator_view(indicator_code) %}

with

assessments as (

    select * from {{ ref('jsi_assessments') }}

),

indicators as (

    select * from {{ ref('dim_indicators') }}

),

measures as (

    select * from {{ ref('int_indicator_measures') }}

),

final as (

    select
        assessments.country_code,
        assessments.period_year,
        assessments.indicator_code,
        indicators.category_code,
        indicators.indicator_title,
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
    inner join indicators
        on assessments.indicator_code = indicators.indicator_code
    left join measures
        on
            assessments.country_code = measures.country_code
            and assessments.period_year = measures.period_year
            and assessments.indicator_code = measures.indicator_code
    where assessments.indicator_code = '{{ indicator_code }}'

)

select * from final

{% endmacro %}
