with

regions as (

    select * from {{ ref('ref_regions') }}

),

cities as (

    select * from {{ ref('ref_cities') }}

),

city_counts as (

    select
        cities.region_code,
        count(*) as known_city_count

    from cities
    group by cities.region_code

),

final as (

    select
        regions.region_code,
        regions.country_code,
        regions.region_name,
        regions.region_type,
        regions.valid_from_year,
        regions.valid_to_year,
        coalesce(city_counts.known_city_count, 0) as known_city_count

    from regions
    left join city_counts
        on regions.region_code = city_counts.region_code

)

select * from final
