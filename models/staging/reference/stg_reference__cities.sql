with

source as (

    select * from {{ ref('ref_cities') }}

),

renamed as (

    select
        nullif(trim(source.city_name), '') as city_name,
        nullif(trim(source.country_code), '') as country_code,
        nullif(trim(source.region_code), '') as region_code,
        nullif(trim(source.basis), '') as basis

    from source

)

select * from renamed
