with

source as (

    select * from {{ ref('ref_regions') }}

),

renamed as (

    select
        nullif(trim(source.region_code), '') as region_code,
        nullif(trim(source.country_code), '') as country_code,
        nullif(trim(source.region_name), '') as region_name,
        nullif(trim(source.region_type), '') as region_type,
        source.valid_from_year,
        source.valid_to_year,
        nullif(trim(source.basis), '') as basis

    from source

)

select * from renamed
