with

source as (

    select * from {{ ref('raw_internet_intermediaries') }}

),

renamed as (

    select
        nullif(trim(source.intermediary_row_id), '') as intermediary_row_id,
        nullif(trim(source.country_code), '') as country_code,
        source.period_year,
        nullif(trim(source.record_type), '') as record_type,
        nullif(trim(source.provider_name), '') as provider_name,
        nullif(trim(source.metric), '') as metric,
        source.value as figure_value,
        nullif(trim(source.unit), '') as unit,
        source.rank as provider_rank,
        nullif(trim(source.stated_as), '') as stated_as,
        nullif(trim(source.inconsistency_note), '') as inconsistency_note,
        nullif(trim(source.source_section), '') as source_section,
        nullif(trim(source.source_locator), '') as source_locator

    from source

)

select * from renamed
