-- The shares of the report's hosting table should add up to its stated total (100%).
-- Warn: a mismatch is the report's arithmetic, kept as published.
{{ config(severity='warn') }}

with

hosting_market as (

    select * from {{ ref('int_hosting_market') }}

),

final as (

    select distinct
        hosting_market.country_code,
        hosting_market.period_year,
        hosting_market.sum_of_shares_percent,
        hosting_market.stated_total_share_percent

    from hosting_market
    where abs(hosting_market.sum_of_shares_percent - coalesce(hosting_market.stated_total_share_percent, 100)) > 0.005

)

select * from final
