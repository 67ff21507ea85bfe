with

source as (

    select * from {{ ref('raw_legal_article_status_changes') }}

),

renamed as (

    select
        nullif(trim(source.status_change_id), '') as status_change_id,
        nullif(trim(source.legal_article_id), '') as legal_article_id,
        nullif(trim(source.country_code), '') as country_code,
        source.period_year,
        source.change_date,
        nullif(trim(source.date_precision), '') as date_precision,
        nullif(trim(source.change_type), '') as change_type,
        nullif(trim(source.description), '') as change_description,
        nullif(trim(source.source_section), '') as source_section,
        nullif(trim(source.source_locator), '') as source_locator

    from source

)

select * from renamed
