-- One row per figure (table cell) the report publishes: incident and prosecution statistics,
-- registered-media totals, internet-intermediary figures and newsroom-survey results.
{%- set pivoted_dimensions = [
    'victim_group', 'sex', 'article', 'procedure_type', 'threat_type',
    'media_type', 'provider_name', 'answer_option', 'respondent_group',
] %}

with

published_statistics as (

    select * from {{ ref('stg_assessment__published_statistics') }}

),

media_registry as (

    select * from {{ ref('int_media_registry') }}

),

internet_intermediaries as (

    select * from {{ ref('stg_assessment__internet_intermediaries') }}

),

survey_responses as (

    select * from {{ ref('stg_assessment__survey_responses') }}

),

from_published_statistics as (

    select
        published_statistics.figure_id,
        published_statistics.country_code,
        published_statistics.period_year,
        published_statistics.reference_year,
        'published_statistics' as source_dataset,
        published_statistics.metric,
        published_statistics.dimension_1_name,
        published_statistics.dimension_1_value,
        published_statistics.dimension_2_name,
        published_statistics.dimension_2_value,
        published_statistics.dimension_3_name,
        published_statistics.dimension_3_value,
        published_statistics.figure_value,
        published_statistics.unit,
        published_statistics.stated_as,
        published_statistics.figure_source,
        published_statistics.table_name,
        published_statistics.repeat_of_figure_id,
        published_statistics.inconsistency_note,
        published_statistics.source_section,
        published_statistics.source_locator

    from published_statistics

),

from_media_registry as (

    select
        media_registry.registry_entry_id as figure_id,
        media_registry.country_code,
        media_registry.period_year,
        media_registry.period_year as reference_year,
        'media_registry' as source_dataset,
        'registered_media_outlets' as metric,
        'media_type' as dimension_1_name,
        media_registry.media_type as dimension_1_value,
        null as dimension_2_name,
        null as dimension_2_value,
        null as dimension_3_name,
        null as dimension_3_value,
        cast(media_registry.registered_count as decimal(18, 4)) as figure_value,
        'count' as unit,
        cast(media_registry.registered_count as {{ dbt.type_string() }}) as stated_as,
        'misd' as figure_source,
        null as table_name,
        null as repeat_of_figure_id,
        null as inconsistency_note,
        media_registry.source_section,
        media_registry.source_locator

    from media_registry
    where media_registry.record_type = 'national_total'

),

from_internet_intermediaries as (

    select
        internet_intermediaries.intermediary_row_id as figure_id,
        internet_intermediaries.country_code,
        internet_intermediaries.period_year,
        internet_intermediaries.period_year as reference_year,
        'internet_intermediaries' as source_dataset,
        internet_intermediaries.metric,
        'provider_name' as dimension_1_name,
        internet_intermediaries.provider_name as dimension_1_value,
        'record_type' as dimension_2_name,
        internet_intermediaries.record_type as dimension_2_value,
        null as dimension_3_name,
        null as dimension_3_value,
        internet_intermediaries.figure_value,
        internet_intermediaries.unit,
        internet_intermediaries.stated_as,
        'report' as figure_source,
        null as table_name,
        null as repeat_of_figure_id,
        internet_intermediaries.inconsistency_note,
        internet_intermediaries.source_section,
        internet_intermediaries.source_locator

    from internet_intermediaries
    where internet_intermediaries.figure_value is not null

),

from_survey_responses as (

    select
        survey_responses.response_id as figure_id,
        survey_responses.country_code,
        survey_responses.period_year,
        survey_responses.period_year as reference_year,
        'survey_responses' as source_dataset,
        survey_responses.question_code as metric,
        'answer_option' as dimension_1_name,
        survey_responses.answer_option as dimension_1_value,
        'respondent_group' as dimension_2_name,
        survey_responses.respondent_group as dimension_2_value,
        'survey_code' as dimension_3_name,
        survey_responses.survey_code as dimension_3_value,
        survey_responses.response_value as figure_value,
        survey_responses.unit,
        survey_responses.stated_as,
        'report' as figure_source,
        null as table_name,
        null as repeat_of_figure_id,
        null as inconsistency_note,
        survey_responses.source_section,
        survey_responses.source_locator

    from survey_responses
    where survey_responses.response_value is not null

),

unioned as (

    {{ union_all_by_name(
        ['from_published_statistics', 'from_media_registry', 'from_internet_intermediaries', 'from_survey_responses'],
        columns=[
            'figure_id',
            'country_code',
            'period_year',
            'reference_year',
            'source_dataset',
            'metric',
            'dimension_1_name',
            'dimension_1_value',
            'dimension_2_name',
            'dimension_2_value',
            'dimension_3_name',
            'dimension_3_value',
            'figure_value',
            'unit',
            'stated_as',
            'figure_source',
            'table_name',
            'repeat_of_figure_id',
            'inconsistency_note',
            'source_section',
            'source_locator',
        ]
    ) }}

),

assessments as (

    select * from {{ ref('stg_assessment__assessment_sources') }}

),

final as (

    select
        {{ surrogate_key(['unioned.country_code', 'unioned.period_year', 'unioned.figure_id']) }} as reported_statistic_key,
        unioned.figure_id,
        unioned.country_code,
        unioned.period_year,
        unioned.reference_year,
        unioned.source_dataset,
        unioned.metric,
        unioned.dimension_1_name,
        unioned.dimension_1_value,
        unioned.dimension_2_name,
        unioned.dimension_2_value,
        unioned.dimension_3_name,
        unioned.dimension_3_value,
        {%- for dimension in pivoted_dimensions %}
            case
                when unioned.dimension_1_name = '{{ dimension }}' then unioned.dimension_1_value
                when unioned.dimension_2_name = '{{ dimension }}' then unioned.dimension_2_value
                when unioned.dimension_3_name = '{{ dimension }}' then unioned.dimension_3_value
            end as {{ dimension }},
        {%- endfor %}
        unioned.figure_value,
        unioned.unit,
        unioned.stated_as,
        unioned.figure_source,
        unioned.table_name,
        unioned.repeat_of_figure_id,
        unioned.repeat_of_figure_id is not null as is_repeat,
        unioned.inconsistency_note is not null as has_source_inconsistency,
        unioned.inconsistency_note,
        unioned.source_section,
        unioned.source_locator,
        assessments.source_id,
        unioned.source_locator as source_record_locator

    from unioned
    left join assessments
        on
            unioned.country_code = assessments.country_code
            and unioned.period_year = assessments.period_year

)

select * from final
