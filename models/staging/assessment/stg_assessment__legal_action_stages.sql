with

source as (

    {{ register_rows('raw_legal_action_stages', 'legal_action_stages') }}

),

renamed as (

    select
        nullif(trim(source.stage_id), '') as stage_id,
        nullif(trim(source.legal_action_id), '') as legal_action_id,
        nullif(trim(source.country_code), '') as country_code,
        source.period_year,
        source.stage_date,
        nullif(trim(source.date_precision), '') as date_precision,
        nullif(trim(source.stage_code), '') as stage_code,
        nullif(trim(source.penalty_text), '') as penalty_text,
        source.alt_stage_date,
        nullif(trim(source.inconsistency_note), '') as inconsistency_note,
        nullif(trim(source.source_section), '') as source_section,
        nullif(trim(source.source_locator), '') as source_locator,
        source.load_batch_id

    from source

)

select * from renamed
