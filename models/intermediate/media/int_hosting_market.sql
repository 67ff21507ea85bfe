-- The national-domain (ccTLD, e.g. .kz) hosting market (the report's hosting table): one row per table row with its
-- domains and share, and the market's concentration computed from the single providers:
-- Herfindahl-Hirschman index (sum of squared percent shares, 0-10000) and top-3 share.
with

intermediaries as (

    select * from {{ ref('stg_assessment__internet_intermediaries') }}

),

table_rows as (

    select * from intermediaries
    where intermediaries.record_type in ('national_domain_hosting', 'national_domain_hosting_others')

),

shares as (

    select
        table_rows.country_code,
        table_rows.period_year,
        table_rows.provider_name,
        table_rows.provider_rank,
        table_rows.record_type = 'national_domain_hosting' as is_single_provider,
        table_rows.figure_value as market_share_percent,
        table_rows.intermediary_row_id

    from table_rows
    where table_rows.metric = 'national_domain_market_share'

),

domains as (

    select
        table_rows.country_code,
        table_rows.period_year,
        table_rows.provider_name,
        table_rows.figure_value as domain_count

    from table_rows
    where table_rows.metric = 'national_domains_count'

),

stated_totals as (

    select
        intermediaries.country_code,
        intermediaries.period_year,
        intermediaries.figure_value as stated_total_share_percent

    from intermediaries
    where
        intermediaries.record_type = 'national_domain_hosting_total'
        and intermediaries.metric = 'national_domain_market_share'

),

final as (

    select
        shares.country_code,
        shares.period_year,
        shares.provider_name,
        shares.provider_rank,
        shares.is_single_provider,
        cast(domains.domain_count as bigint) as domain_count,
        shares.market_share_percent,
        sum(shares.market_share_percent * shares.market_share_percent) filter (where shares.is_single_provider) over (
            partition by shares.country_code, shares.period_year
        ) as hhi,
        sum(shares.market_share_percent) filter (
            where shares.is_single_provider and shares.provider_rank <= 3
        ) over (partition by shares.country_code, shares.period_year) as top3_share_percent,
        sum(shares.market_share_percent) over (
            partition by shares.country_code, shares.period_year
        ) as sum_of_shares_percent,
        stated_totals.stated_total_share_percent,
        shares.intermediary_row_id

    from shares
    left join domains
        on
            shares.country_code = domains.country_code
            and shares.period_year = domains.period_year
            and shares.provider_name = domains.provider_name
    left join stated_totals
        on
            shares.country_code = stated_totals.country_code
            and shares.period_year = stated_totals.period_year

)

select * from final
