with

source as (

    select * from {{ ref('raw_survey_responses') }}

),

renamed as (

    select
        nullif(trim(source.response_id), '') as response_id,
        nullif(trim(source.country_code), '') as country_code,
        source.period_year,
        nullif(trim(source.survey_code), '') as survey_code,
        nullif(trim(source.question_code), '') as question_code,
        nullif(trim(source.question_text), '') as question_text,
        nullif(trim(source.answer_option), '') as answer_option,
        nullif(trim(source.respondent_group), '') as respondent_group,
        source.value as response_value,
        nullif(trim(source.unit), '') as unit,
        nullif(trim(source.stated_as), '') as stated_as,
        nullif(trim(source.source_section), '') as source_section,
        nullif(trim(source.source_locator), '') as source_locator

    from source

)

select * from renamed
