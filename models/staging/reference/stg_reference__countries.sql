with

source as (

    select * from {{ ref('ref_countries') }}

),

renamed as (

    select
        nullif(trim(source.country_code), '') as country_code,
        nullif(trim(source.alpha_3), '') as alpha_3,
        nullif(trim(source.numeric_code), '') as numeric_code,
        nullif(trim(source.country_name), '') as country_name,
        nullif(trim(source.official_name), '') as official_name,
        nullif(trim(source.basis), '') as basis

    from source

)

select * from renamed
