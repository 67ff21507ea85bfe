with

source as (

    select * from {{ ref('raw_published_statistics') }}

),

renamed as (

    select
        nullif(trim(source.figure_id), '') as figure_id,
        nullif(trim(source.country_code), '') as country_code,
        source.period_year,
        source.reference_year,
        nullif(trim(source.metric), '') as metric,
        nullif(trim(source.dimension_1_name), '') as dimension_1_name,
        nullif(trim(source.dimension_1_value), '') as dimension_1_value,
        nullif(trim(source.dimension_2_name), '') as dimension_2_name,
        nullif(trim(source.dimension_2_value), '') as dimension_2_value,
        nullif(trim(source.dimension_3_name), '') as dimension_3_name,
        nullif(trim(source.dimension_3_value), '') as dimension_3_value,
        source.value as figure_value,
        nullif(trim(source.unit), '') as unit,
        nullif(trim(source.stated_as), '') as stated_as,
        nullif(trim(source.figure_source), '') as figure_source,
        nullif(trim(source.table_name), '') as table_name,
        nullif(trim(source.repeat_of_figure_id), '') as repeat_of_figure_id,
        nullif(trim(source.inconsistency_note), '') as inconsistency_note,
        nullif(trim(source.source_section), '') as source_section,
        nullif(trim(source.source_locator), '') as source_locator

    from source

)

select * from renamed
