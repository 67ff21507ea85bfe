{{ config(alias='indicator_scorecard') }}
-- The indicator scorecard as it may be published (schema public): marts.indicator_scorecard with
-- the confidentiality rule applied to its texts. An indicator whose finding, or whose headline
-- figure's description, wording or locator, names a withheld person (withheld_names) keeps its
-- status and numbers; those texts read withheld. The country's name is beside its code (dim_countries), as pages
-- show it. The pages and Superset read this table.
with

scorecard as (

    select * from {{ ref('indicator_scorecard') }}

),

withheld_names as (

    select * from {{ ref('withheld_names') }}

),

countries as (

    select * from {{ ref('dim_countries') }}

),

withheld_indicators as (

    select distinct
        scorecard.country_code,
        scorecard.period_year,
        scorecard.indicator_code

    from scorecard
    inner join withheld_names
        on
            scorecard.country_code = withheld_names.country_code
            and {{ mentions_withheld('withheld_names', ['scorecard.finding', 'scorecard.headline_description',
                'scorecard.headline_stated_as', 'scorecard.headline_source_locator']) }}

),

final as (

    select
        scorecard.country_code,
        countries.country_name,
        scorecard.period_year,
        scorecard.indicator_code,
        scorecard.category_code,
        scorecard.category_title,
        scorecard.indicator_number,
        scorecard.indicator_title,
        scorecard.assessment_status,
        scorecard.assessment_status_name,
        scorecard.status_rank,
        case when withheld_indicators.indicator_code is null then scorecard.finding else {{ withheld_text() }} end
            as finding,
        scorecard.headline_figure_id,
        case
            when withheld_indicators.indicator_code is null then scorecard.headline_description else {{ withheld_text() }}
        end as headline_description,
        case
            when withheld_indicators.indicator_code is null then scorecard.headline_stated_as else {{ withheld_text() }}
        end as headline_stated_as,
        scorecard.headline_value,
        scorecard.headline_unit,
        scorecard.headline_register_value,
        scorecard.headline_reconciliation_status,
        scorecard.headline_reconciliation_status_name,
        scorecard.headline_source_section,
        case
            when withheld_indicators.indicator_code is null then scorecard.headline_source_locator
            else {{ withheld_text() }}
        end as headline_source_locator,
        scorecard.register_measure,
        scorecard.register_breakdown,
        scorecard.register_breakdown_value,
        scorecard.register_measure_description,
        scorecard.register_measure_value,
        scorecard.register_measure_unit,
        withheld_indicators.indicator_code is not null as has_withheld_fields

    from scorecard
    left join withheld_indicators
        on
            scorecard.country_code = withheld_indicators.country_code
            and scorecard.period_year = withheld_indicators.period_year
            and scorecard.indicator_code = withheld_indicators.indicator_code
    left join countries
        on scorecard.country_code = countries.country_code

)

select * from final
