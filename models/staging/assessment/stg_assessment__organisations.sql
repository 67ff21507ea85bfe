with

source as (

    select * from {{ ref('raw_organisations') }}

),

renamed as (

    select
        nullif(trim(source.organisation_id), '') as organisation_id,
        nullif(trim(source.country_code), '') as country_code,
        source.period_year,
        nullif(trim(source.organisation_name), '') as organisation_name,
        nullif(trim(source.acronym), '') as acronym,
        nullif(trim(source.organisation_type), '') as organisation_type,
        nullif(trim(source.jsi_category), '') as jsi_category,
        nullif(trim(source.city), '') as city,
        nullif(trim(source.stated_facts), '') as stated_facts,
        nullif(trim(source.source_section), '') as source_section,
        nullif(trim(source.source_locator), '') as source_locator

    from source

)

select * from renamed
