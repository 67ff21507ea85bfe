-- Registered media of each period by type, with each type's share of the stated national total
-- and the number of outlets of that type the report names.
with

registry as (

    select * from {{ ref('int_media_registry') }}

),

outlets as (

    select * from {{ ref('dim_outlets') }}

),

totals as (

    select * from registry
    where registry.record_type = 'national_total'

),

stated_total as (

    select
        totals.country_code,
        totals.period_year,
        totals.registered_count as stated_total_count

    from totals
    where totals.media_type = 'all'

),

named_counts as (

    select
        outlets.country_code,
        outlets.media_type,
        count(*) as named_outlet_count

    from outlets
    group by all

),

final as (

    select
        totals.country_code,
        totals.period_year,
        totals.media_type,
        totals.registered_count,
        stated_total.stated_total_count,
        round(totals.registered_count / nullif(stated_total.stated_total_count, 0), 4) as share_of_stated_total,
        coalesce(named_counts.named_outlet_count, 0) as named_outlet_count,
        totals.source_section,
        totals.source_locator

    from totals
    left join stated_total
        on
            totals.country_code = stated_total.country_code
            and totals.period_year = stated_total.period_year
    left join named_counts
        on
            totals.country_code = named_counts.country_code
            and totals.media_type = named_counts.media_type

)

select * from final
