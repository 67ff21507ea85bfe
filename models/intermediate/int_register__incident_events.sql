-- The incident register of every source, in one shape: the assessment register (seeds and the
-- external register, stg_assessment__incident_events, with cities in their canonical spelling from
-- raw_name_variants) and each monitor export mapped to it.
-- A monitor records all year, so the period of its record is the calendar year of the event
-- (never historical); its rows are load batch 0, like the shipped seeds, and carry the source and
-- the record's locator. Every downstream model reads the register from here.
with

assessment_events as (

    select * from {{ ref('stg_assessment__incident_events') }}

),

assessments as (

    select * from {{ ref('stg_assessment__assessment_sources') }}

),

cpj as (

    select * from {{ ref('int_cpj__killings') }}

),

article19_mx as (

    select * from {{ ref('int_article19_mx__aggressions') }}

),

sources as (

    select * from {{ ref('ref_sources') }}

),

from_assessments as (

    select
        {{ star_except('assessment_events', ['city_name']) }},
        {{ canonical_name('city_names', 'assessment_events.city_name') }} as city_name,
        {{ register_source_id() }} as source_id,
        assessment_events.source_locator as source_record_locator

    from assessment_events
    {{ canonical_name_join('city_names', 'assessment_events.city_name', 'city', 'assessment_events.country_code') }}
    {{ join_register_source('assessment_events') }}

),

from_cpj as (

    select
        cpj.event_id,
        cpj.country_code,
        cpj.event_year as period_year,
        cpj.country_code as event_country_code,
        make_date(cpj.event_year, 1, 1) as event_date,
        'year' as date_precision,
        cpj.category_code,
        null as secondary_category_codes,
        cpj.location_name as city_name,
        cpj.context_code,
        cpj.perpetrator_type_code,
        cpj.sources_of_fire as perpetrator_description,
        cpj.verification_status_code,
        null as arbitrariness_basis_code,
        null as arbitrariness_section,
        null as arbitrariness_locator,
        concat_ws(
            '; ',
            'CPJ: ' || coalesce(cpj.full_name, 'unnamed') || ' (' || cpj.victim_kind || ') killed in '
            || coalesce(cpj.location_name, 'an unstated place'),
            'type of death: ' || cpj.type_of_death,
            'motive: ' || cpj.combined_status,
            'impunity: ' || cpj.impunity_murder
        ) as event_summary,
        cast(null as date) as alt_event_date,
        null as inconsistency_note,
        'export' as source_section,
        cpj.source_record_locator as source_locator,
        0 as load_batch_id,
        cpj.impunity_outcome_code,
        cpj.source_id,
        cpj.source_record_locator

    from cpj

),

from_article19_mx as (

    select
        article19_mx.event_id,
        article19_mx.country_code,
        cast(year(article19_mx.event_date) as integer) as period_year,
        article19_mx.country_code as event_country_code,
        article19_mx.event_date,
        'day' as date_precision,
        article19_mx.category_code,
        null as secondary_category_codes,
        article19_mx.city_name,
        'not_stated' as context_code,
        article19_mx.perpetrator_type_code,
        article19_mx.perpetrator_label as perpetrator_description,
        sources.record_verification_status_code as verification_status_code,
        article19_mx.arbitrariness_basis_code,
        case when article19_mx.arbitrariness_basis_code is not null then 'export' end as arbitrariness_section,
        case when article19_mx.arbitrariness_basis_code is not null then article19_mx.aggression_type_label end
            as arbitrariness_locator,
        concat_ws(
            '; ',
            'Article 19 Mexico: ' || article19_mx.aggression_type_label || ' (' || article19_mx.sex_label || ')',
            'place: ' || coalesce(article19_mx.city_name || ', ', '') || article19_mx.state_name,
            'presumed aggressor: ' || coalesce(article19_mx.perpetrator_label, 'not stated')
        ) as event_summary,
        cast(null as date) as alt_event_date,
        null as inconsistency_note,
        'export' as source_section,
        article19_mx.source_record_locator as source_locator,
        0 as load_batch_id,
        article19_mx.source_id,
        article19_mx.source_record_locator

    from article19_mx
    inner join sources
        on article19_mx.source_id = sources.source_id

),

final as (

    {{ union_all_by_name(
        ['from_assessments', 'from_cpj', 'from_article19_mx'],
        columns=[
            'event_id',
            'country_code',
            'period_year',
            'event_country_code',
            'event_date',
            'date_precision',
            'category_code',
            'secondary_category_codes',
            'context_code',
            'perpetrator_type_code',
            'perpetrator_description',
            'verification_status_code',
            'arbitrariness_basis_code',
            'arbitrariness_section',
            'arbitrariness_locator',
            'event_summary',
            'alt_event_date',
            'inconsistency_note',
            'source_section',
            'source_locator',
            'load_batch_id',
            'city_name',
            'source_id',
            'source_record_locator',
            'impunity_outcome_code',
        ],
        absent={'from_assessments': ['impunity_outcome_code'], 'from_article19_mx': ['impunity_outcome_code']}
    ) }}

)

select * from final  -- noqa: AM04
