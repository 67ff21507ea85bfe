-- impunity_by_country's all-sources rows count each killing once: for a country, over all years,
-- they hold at least as many killings as the source that records the most, and no more than all
-- the sources' rows together (a killing two sources record is in both). Over all years, because
-- two sources may date a killing differently and the all-sources row takes the earliest year.
-- Each row is a country where that fails.
with

impunity as (

    select * from {{ ref('impunity_by_country') }}

),

by_source as (

    select
        impunity.country_code,
        impunity.source_id,
        sum(impunity.killings) as killings

    from impunity
    where not impunity.is_all_sources
    group by impunity.country_code, impunity.source_id

),

per_source as (

    select
        by_source.country_code,
        max(by_source.killings) as largest_source_killings,
        sum(by_source.killings) as summed_source_killings

    from by_source
    group by by_source.country_code

),

all_sources as (

    select
        impunity.country_code,
        sum(impunity.killings) as killings

    from impunity
    where impunity.is_all_sources
    group by impunity.country_code

),

final as (

    select
        per_source.country_code,
        per_source.largest_source_killings,
        per_source.summed_source_killings,
        all_sources.killings as all_sources_killings

    from per_source
    left join all_sources
        on per_source.country_code = all_sources.country_code
    where
        all_sources.killings is null
        or all_sources.killings < per_source.largest_source_killings
        or all_sources.killings > per_source.summed_source_killings

)

select * from final
