with

source as (

    {{ register_rows('raw_legal_actions', 'legal_actions') }}

),

renamed as (

    select
        nullif(trim(source.legal_action_id), '') as legal_action_id,
        nullif(trim(source.country_code), '') as country_code,
        source.period_year,
        nullif(trim(source.procedure_type), '') as procedure_type,
        nullif(trim(source.journalist_position), '') as journalist_position,
        nullif(trim(source.related_event_id), '') as related_event_id,
        nullif(trim(source.legal_article_id), '') as legal_article_id,
        nullif(trim(source.victim_name), '') as victim_name,
        nullif(trim(source.victim_role_code), '') as victim_role_code,
        nullif(trim(source.victim_sex), '') as victim_sex,
        nullif(trim(source.victim_sex_basis), '') as victim_sex_basis,
        nullif(trim(source.victim_sex_section), '') as victim_sex_section,
        nullif(trim(source.victim_sex_locator), '') as victim_sex_locator,
        nullif(trim(source.outlet_name), '') as outlet_name,
        nullif(trim(source.claimant_type), '') as claimant_type,
        nullif(trim(source.claimant_description), '') as claimant_description,
        nullif(trim(source.summary), '') as legal_action_summary,
        nullif(trim(source.inconsistency_note), '') as inconsistency_note,
        nullif(trim(source.source_section), '') as source_section,
        nullif(trim(source.source_locator), '') as source_locator,
        source.load_batch_id

    from source

)

select * from renamed
