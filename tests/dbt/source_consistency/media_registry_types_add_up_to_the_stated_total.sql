-- The registered media by type should add up to the stated national total.
-- Warn: a mismatch is the report's arithmetic, kept as published.
{{ config(severity='warn') }}

with

registry as (

    select * from {{ ref('int_media_registry') }}

),

totals as (

    select
        registry.country_code,
        registry.period_year,
        sum(registry.registered_count) filter (where registry.media_type != 'all') as sum_of_types,
        max(registry.registered_count) filter (where registry.media_type = 'all') as stated_total

    from registry
    where registry.record_type = 'national_total'
    group by registry.country_code, registry.period_year

),

final as (

    select * from totals
    where totals.sum_of_types != totals.stated_total

)

select * from final
