-- The national-domain (ccTLD, e.g. .kz) hosting market of each period: providers' domains and shares as the report's
-- table gives them, with the Herfindahl-Hirschman index and the top-3 share of the market.
with

hosting_market as (

    select * from {{ ref('int_hosting_market') }}

),

final as (

    select
        hosting_market.country_code,
        hosting_market.period_year,
        hosting_market.provider_name,
        hosting_market.provider_rank,
        hosting_market.is_single_provider,
        hosting_market.domain_count,
        hosting_market.market_share_percent,
        -- cast to the contract's types: DuckDB and Spark derive decimal precisions differently
        cast(round(hosting_market.hhi, 2) as decimal(38, 2)) as hhi,
        cast(hosting_market.top3_share_percent as decimal(38, 4)) as top3_share_percent,
        cast(hosting_market.sum_of_shares_percent as decimal(38, 4)) as sum_of_shares_percent,
        hosting_market.stated_total_share_percent,
        hosting_market.intermediary_row_id

    from hosting_market

)

select * from final
