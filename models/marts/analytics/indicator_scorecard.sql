-- One row per JSI indicator per assessed country and period: the report's assessment, the
-- headline figure the report itself puts forward for the indicator (jsi_assessments.headline_figure_id)
-- with the register's count for the same figure and the reconciliation status beside it, and the
-- register's own measure for the indicator (ref_indicator_measures, is_headline).
with

assessments as (

    select * from {{ ref('jsi_assessments') }}

),

statuses as (

    select * from {{ ref('vocab_assessment_statuses') }}

),

indicators as (

    select * from {{ ref('dim_indicators') }}

),

reconciliation as (

    select * from {{ ref('published_figure_reconciliation') }}

),

-- the label an indicator without a headline figure shows
no_headline as (

    select * from {{ ref('vocab_reconciliation_statuses') }}
    where reconciliation_status = 'no_headline_figure'

),

catalogue as (

    select * from {{ ref('ref_indicator_measures') }}
    where is_headline

),

measures as (

    select * from {{ ref('indicator_measures') }}
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
        statuses.status_name as assessment_status_name,
        statuses.status_rank,
        assessments.finding,
        assessments.headline_figure_id,
        reconciliation.description as headline_description,
        reconciliation.stated_as as headline_stated_as,
        cast(reconciliation.published_value as double) as headline_value,
        reconciliation.unit as headline_unit,
        cast(reconciliation.register_value as double) as headline_register_value,
        coalesce(reconciliation.status, 'no_headline_figure') as headline_reconciliation_status,
        coalesce(reconciliation.status_name, no_headline.reconciliation_status_name)
            as headline_reconciliation_status_name,
        reconciliation.source_section as headline_source_section,
        reconciliation.source_locator as headline_source_locator,
        catalogue.measure as register_measure,
        catalogue.breakdown as register_breakdown,
        catalogue.headline_breakdown_value as register_breakdown_value,
        catalogue.measure_description as register_measure_description,
        coalesce(measures.measure_value, 0) as register_measure_value,
        coalesce(measures.unit, 'count') as register_measure_unit

    from assessments
    inner join indicators
        on assessments.indicator_code = indicators.indicator_code
    inner join statuses
        on assessments.assessment_status = statuses.assessment_status
    left join reconciliation
        on assessments.headline_figure_id = reconciliation.figure_id
    cross join no_headline
    left join catalogue
        on assessments.indicator_code = catalogue.indicator_code
    left join measures
        on
            assessments.country_code = measures.country_code
            and assessments.period_year = measures.period_year
            and assessments.indicator_code = measures.indicator_code

)

select * from final
