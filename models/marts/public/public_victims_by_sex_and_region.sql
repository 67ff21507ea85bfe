{{ config(alias='victims_by_sex_and_region') }}
-- Victims per country, year of the event, region and sex as they may be published (schema public):
-- every record counts, withheld ones included, but a cell with fewer than
-- var('public_min_cell_count') victims (and more than none) is suppressed, so a small count cannot
-- point to a person. Regions are the report's; 'region unknown' is a cell like any other.
with

register as (

    select * from {{ ref('incident_register') }}

),

cells as (

    select
        register.country_code,
        register.event_year,
        register.region_name,
        register.sex_label,
        count(distinct register.victim_key) as victims

    from register
    where register.event_year is not null
    group by all

),

final as (

    select
        cells.country_code,
        cells.event_year,
        cells.region_name,
        cells.sex_label,
        case when cells.victims >= {{ var('public_min_cell_count') }} then cells.victims end as victims,
        cells.victims < {{ var('public_min_cell_count') }} as is_suppressed

    from cells

)

select * from final
