with

source as (

    select * from {{ ref('jsi_indicators') }}

),

renamed as (

    select
        nullif(trim(source.indicator_code), '') as indicator_code,
        nullif(trim(source.category_code), '') as category_code,
        nullif(trim(source.category_title), '') as category_title,
        source.indicator_number,
        nullif(trim(source.indicator_title), '') as indicator_title,
        nullif(trim(source.source_section), '') as source_section,
        nullif(trim(source.source_locator), '') as source_locator

    from source

)

select * from renamed
