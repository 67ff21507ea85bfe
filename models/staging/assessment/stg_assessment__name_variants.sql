with

source as (

    select * from {{ ref('raw_name_variants') }}

),

renamed as (

    select
        nullif(trim(source.entity_type), '') as entity_type,
        nullif(trim(source.variant_name), '') as variant_name,
        nullif(trim(source.canonical_name), '') as canonical_name,
        nullif(trim(source.country_code), '') as country_code,
        source.period_year,
        nullif(trim(source.source_section), '') as source_section,
        nullif(trim(source.source_locator), '') as source_locator

    from source

)

select * from renamed
