with

source as (

    select * from {{ ref('raw_legal_articles') }}

),

renamed as (

    select
        nullif(trim(source.legal_article_id), '') as legal_article_id,
        nullif(trim(source.country_code), '') as country_code,
        source.period_year,
        nullif(trim(source.instrument_code), '') as instrument_code,
        nullif(trim(source.instrument_name), '') as instrument_name,
        nullif(trim(source.article), '') as article,
        nullif(trim(source.part), '') as part,
        nullif(trim(source.clause), '') as clause,
        nullif(trim(source.title), '') as title,
        nullif(trim(source.role_toward_journalists), '') as role_toward_journalists,
        nullif(trim(source.penalty_text), '') as penalty_text,
        source.adoption_date,
        nullif(trim(source.adoption_date_precision), '') as adoption_date_precision,
        nullif(trim(source.notes), '') as notes,
        nullif(trim(source.source_section), '') as source_section,
        nullif(trim(source.source_locator), '') as source_locator

    from source

)

select * from renamed
