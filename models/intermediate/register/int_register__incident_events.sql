-- The incident register of every source, in one shape: the assessment register (seeds and the
-- external register, stg_assessment__incident_events, with cities in their canonical spelling from
-- raw_name_variants) and the loaded records of every monitor (macros/monitors.sql: each monitor's
-- records in the monitor-record contract). A monitor records all year, so the period of its
-- record is the calendar year of the event (never historical); its rows are load batch 0, like
-- the shipped seeds, and carry the source and the record's locator. A monitor that gives no
-- verification status per record has its catalogue row's. Every downstream model reads the
-- register from here.
-- A table built by load batch (the readers filter it, the tests of an append read the new rows):
-- an append adds the rows of the new batches. The monitors' rows (batch 0), the canonical
-- spellings and the sources are seeds and monitor files, which an append does not change.
with

assessment_events as (

    select * from {{ ref('stg_assessment__incident_events') }}

),

assessments as (

    select * from {{ ref('stg_assessment__assessment_sources') }}

),

monitor_records as (

    select * from {{ monitor_records() }} as records
    where records.rejected_column is null and records.superseded_by_source_id is null

),

sources as (

    select * from {{ ref('int_sources') }}

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

from_monitors as (

    select
        monitor_records.event_id,
        monitor_records.country_code,
        monitor_records.period_year,
        monitor_records.event_country_code,
        monitor_records.event_date,
        monitor_records.date_precision,
        monitor_records.category_code,
        monitor_records.secondary_category_codes,
        monitor_records.city_name,
        monitor_records.context_code,
        monitor_records.perpetrator_type_code,
        monitor_records.perpetrator_description,
        coalesce(monitor_records.verification_status_code, sources.record_verification_status_code)
            as verification_status_code,
        monitor_records.arbitrariness_category_code,
        case when monitor_records.arbitrariness_category_code is not null then 'export' end as arbitrariness_section,
        monitor_records.arbitrariness_locator,
        monitor_records.event_summary,
        cast(null as date) as alt_event_date,
        null as inconsistency_note,
        'export' as source_section,
        monitor_records.source_record_locator as source_locator,
        0 as load_batch_id,
        monitor_records.impunity_outcome_code,
        monitor_records.category_as_reported,
        monitor_records.motive_as_reported,
        monitor_records.source_id,
        monitor_records.source_record_locator

    from monitor_records
    inner join sources
        on monitor_records.source_id = sources.source_id

),

final as (

    {{ union_all_by_name(
        ['from_assessments', 'from_monitors'],
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
            'arbitrariness_category_code',
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
            'category_as_reported',
            'motive_as_reported',
        ],
        absent={'from_assessments': ['impunity_outcome_code', 'category_as_reported', 'motive_as_reported']}
    ) }}

)

select * from final  -- noqa: AM04
{%- if is_incremental() %}
where {{ rows_of_newer_batches('final') }}
{%- endif %}
