with

source as (

    select * from {{ ref('raw_media_registry') }}

),

renamed as (

    select
        nullif(trim(source.registry_entry_id), '') as registry_entry_id,
        nullif(trim(source.country_code), '') as country_code,
        source.period_year,
        nullif(trim(source.record_type), '') as record_type,
        nullif(trim(source.outlet_name), '') as outlet_name,
        nullif(trim(source.media_type), '') as media_type,
        source.registered_count,
        nullif(trim(source.ownership), '') as ownership,
        nullif(trim(source.city), '') as city,
        nullif(trim(source.website), '') as website,
        nullif(trim(source.description), '') as outlet_description,
        nullif(trim(source.source_section), '') as source_section,
        nullif(trim(source.source_locator), '') as source_locator

    from source

)

select * from renamed
