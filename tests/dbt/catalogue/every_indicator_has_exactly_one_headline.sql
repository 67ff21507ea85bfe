-- The scorecard shows one headline measure per indicator: the catalogue must name exactly one.
with

indicators as (

    select * from {{ ref('jsi_indicators') }}

),

catalogue as (

    select * from {{ ref('ref_indicator_measures') }}

),

headlines as (

    select
        indicators.indicator_code,
        count(catalogue.measure) filter (where catalogue.is_headline) as headline_count

    from indicators
    left join catalogue
        on indicators.indicator_code = catalogue.indicator_code
    group by indicators.indicator_code

),

final as (

    select
        headlines.indicator_code,
        headlines.headline_count

    from headlines
    where headlines.headline_count != 1

)

select * from final
