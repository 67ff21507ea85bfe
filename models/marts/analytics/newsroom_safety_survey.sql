-- The newsroom safety survey of each period (section D1): every result the report gives, cell
-- by cell, with the survey it belongs to and the respondents it counts.
with

responses as (

    select * from {{ ref('stg_assessment__survey_responses') }}

),

final as (

    select
        responses.response_id,
        responses.country_code,
        responses.period_year,
        responses.survey_code,
        responses.question_code,
        responses.question_text,
        responses.answer_option,
        responses.respondent_group,
        responses.response_value,
        responses.unit,
        responses.stated_as,
        responses.source_section,
        responses.source_locator

    from responses

)

select * from final
