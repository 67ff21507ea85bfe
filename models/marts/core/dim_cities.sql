with

cities as (

    select * from {{ ref('ref_cities') }}

),

regions as (

    select * from {{ ref('ref_regions') }}

),

final as (

    select
        {{ surrogate_key(['cities.country_code', 'cities.city_name']) }} as city_key,
        cities.country_code,
        cities.city_name,
        cities.region_code,
        regions.region_name,
        regions.region_type

    from cities
    inner join regions
        on cities.region_code = regions.region_code

)

select * from final
