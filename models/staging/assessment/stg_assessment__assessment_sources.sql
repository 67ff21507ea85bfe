with

source as (

    select * from {{ ref('raw_assessment_sources') }}

),

renamed as (

    select
        nullif(trim(source.country_code), '') as country_code,
        source.period_year,
        nullif(trim(source.country_name), '') as country_name,
        nullif(trim(source.source_id), '') as source_id,
        nullif(trim(source.source_document), '') as source_document,
        nullif(trim(source.title), '') as title,
        nullif(trim(source.prepared_by), '') as prepared_by,
        nullif(trim(source.commissioned_by), '') as commissioned_by,
        nullif(trim(source.source_section), '') as source_section,
        nullif(trim(source.source_locator), '') as source_locator

    from source

)

select * from renamed
