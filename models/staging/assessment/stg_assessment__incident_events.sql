with

source as (

    {{ register_rows('raw_incident_events', 'incident_events') }}

),

renamed as (

    select
        nullif(trim(source.event_id), '') as event_id,
        nullif(trim(source.country_code), '') as country_code,
        source.period_year,
        nullif(trim(source.event_country_code), '') as event_country_code,
        source.event_date,
        nullif(trim(source.date_precision), '') as date_precision,
        nullif(trim(source.category_code), '') as category_code,
        nullif(trim(source.secondary_category_codes), '') as secondary_category_codes,
        nullif(trim(source.city), '') as city_name,
        nullif(trim(source.context_code), '') as context_code,
        nullif(trim(source.perpetrator_type_code), '') as perpetrator_type_code,
        nullif(trim(source.perpetrator_description), '') as perpetrator_description,
        nullif(trim(source.verification_status_code), '') as verification_status_code,
        nullif(trim(source.arbitrariness_category_code), '') as arbitrariness_category_code,
        nullif(trim(source.arbitrariness_section), '') as arbitrariness_section,
        nullif(trim(source.arbitrariness_locator), '') as arbitrariness_locator,
        nullif(trim(source.summary), '') as event_summary,
        source.alt_event_date,
        nullif(trim(source.inconsistency_note), '') as inconsistency_note,
        nullif(trim(source.source_section), '') as source_section,
        nullif(trim(source.source_locator), '') as source_locator,
        source.load_batch_id

    from source

)

select * from renamed
