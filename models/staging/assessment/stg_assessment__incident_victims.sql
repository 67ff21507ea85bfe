with

source as (

    select * from {{ ref('raw_incident_victims') }}

),

renamed as (

    select
        nullif(trim(source.victim_id), '') as incident_victim_id,
        nullif(trim(source.event_id), '') as event_id,
        nullif(trim(source.country_code), '') as country_code,
        source.period_year,
        {{ canonical_name('source.victim_name', 'person', 'source.country_code') }} as victim_name,
        nullif(trim(source.victim_name), '') as victim_name_as_reported,
        nullif(trim(source.victim_type), '') as victim_type,
        nullif(trim(source.role_code), '') as role_code,
        nullif(trim(source.gender), '') as gender,
        {{ canonical_name('source.outlet_name', 'outlet', 'source.country_code') }} as outlet_name,
        nullif(trim(source.outlet_name), '') as outlet_name_as_reported,
        nullif(trim(source.source_section), '') as source_section,
        nullif(trim(source.source_locator), '') as source_locator

    from source

)

select * from renamed
