with

source as (

    {{ register_rows('raw_incident_victims', 'incident_victims') }}

),

renamed as (

    select
        nullif(trim(source.victim_id), '') as incident_victim_id,
        nullif(trim(source.event_id), '') as event_id,
        nullif(trim(source.country_code), '') as country_code,
        source.period_year,
        nullif(trim(source.victim_name), '') as victim_name,
        nullif(trim(source.victim_type), '') as victim_type,
        nullif(trim(source.role_code), '') as role_code,
        nullif(trim(source.sex), '') as sex,
        nullif(trim(source.sex_basis), '') as sex_basis,
        nullif(trim(source.sex_section), '') as sex_section,
        nullif(trim(source.sex_locator), '') as sex_locator,
        nullif(trim(source.outlet_name), '') as outlet_name,
        nullif(trim(source.source_section), '') as source_section,
        nullif(trim(source.source_locator), '') as source_locator,
        source.load_batch_id

    from source

)

select * from renamed
