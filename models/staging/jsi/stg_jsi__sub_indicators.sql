with

source as (

    select * from {{ ref('jsi_sub_indicators') }}

),

renamed as (

    select
        nullif(trim(source.sub_indicator_id), '') as sub_indicator_id,
        nullif(trim(source.indicator_code), '') as indicator_code,
        source.sub_indicator_number,
        nullif(trim(source.sub_indicator_title), '') as sub_indicator_title,
        nullif(trim(source.country_code), '') as country_code,
        source.period_year,
        nullif(trim(source.source_section), '') as source_section,
        nullif(trim(source.source_locator), '') as source_locator

    from source

)

select * from renamed
