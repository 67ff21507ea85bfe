with

source as (

    select * from {{ ref('jsi_assessments') }}

),

renamed as (

    select
        nullif(trim(source.country_code), '') as country_code,
        source.period_year,
        nullif(trim(source.indicator_code), '') as indicator_code,
        nullif(trim(source.assessment_status), '') as assessment_status,
        nullif(trim(source.finding), '') as finding,
        nullif(trim(source.evidence_summary), '') as evidence_summary,
        nullif(trim(source.headline_figure_id), '') as headline_figure_id,
        nullif(trim(source.source_section), '') as source_section,
        nullif(trim(source.source_locator), '') as source_locator

    from source

)

select * from renamed
