-- One row per JSI indicator per assessed country and period: the report's assessment and the
-- indicator's headline measure (chosen in ref_indicator_measures).
with

assessments as (

    select * from {{ ref('stg_jsi__assessments') }}

),

statuses as (

    select * from {{ ref('stg_vocab__assessment_statuses') }}

),

indicators as (

    select * from {{ ref('dim_indicators') }}

),

catalogue as (

    select * from {{ ref('stg_reference__indicator_measures') }}
    where is_headline

),

measures as (

    select * from {{ ref('int_indicator_measures') }}
    where is_headline

),

final as (

    select
        assessments.country_code,
        assessments.period_year,
        assessments.indicator_code,
        indicators.category_code,
        indicators.category_title,
        indicators.indicator_number,
        indicators.indicator_title,
        assessments.assessment_status,
        statuses.status_rank,
        assessments.finding,
        catalogue.measure as headline_measure,
        catalogue.breakdown as headline_breakdown,
        catalogue.headline_breakdown_value,
        catalogue.measure_description as headline_description,
        coalesce(measures.measure_value, 0) as headline_value,
        coalesce(measures.unit, 'count') as headline_unit

    from assessments
    inner join indicators
        on assessments.indicator_code = indicators.indicator_code
    inner join statuses
        on assessments.assessment_status = statuses.assessment_status
    left join catalogue
        on assessments.indicator_code = catalogue.indicator_code
    left join measures
        on
            assessments.country_code = measures.country_code
            and assessments.period_year = measures.period_year
            and assessments.indicator_code = measures.indicator_code

)

select * from final
