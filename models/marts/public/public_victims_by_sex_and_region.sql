{{ config(alias='victims_by_sex_and_region') }}
-- Victims per country, year of the event, region and sex as they may be published (schema public):
-- every record counts, withheld ones included, but a cell with fewer than
-- var('public_min_cell_count') victims (and more than none) is suppressed, so a small count cannot
-- point to a person. Regions are the report's; 'region unknown' is a cell like any other.
with

register as (

    select * from {{ ref('incident_register') }}

),

-- each victim once per cell, then counted: a distinct spills to disk, where count(distinct) ran
-- out of memory at 10M victims within a 3 GB budget
cell_victims as (

    select distinct
        register.country_code,
        register.event_year,
        register.region_name,
        register.sex_label,
        register.victim_key

    from register
    where register.event_year is not null

),

cells as (

    select
        cell_victims.country_code,
        cell_victims.event_year,
        cell_victims.region_name,
        cell_victims.sex_label,
        count(cell_victims.victim_key) as victims

    from cell_victims
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
