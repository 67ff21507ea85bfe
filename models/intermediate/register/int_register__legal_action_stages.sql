-- The stages of every source's legal actions, in one shape: the assessment register's
-- (stg_assessment__legal_action_stages) and, for each monitor's legal action
-- (int_register__legal_actions), the one stage its record states (legal_stage_code of the
-- monitor-record contract). A monitor gives no date for it, so the stage is undated (precision
-- unknown) rather than given one.
-- A table built by load batch (the readers filter it, the tests of an append read the new rows):
-- an append adds the rows of the new batches. The monitors' rows (batch 0), the canonical
-- spellings and the sources are seeds and monitor files, which an append does not change.
with

assessment_stages as (

    select * from {{ ref('stg_assessment__legal_action_stages') }}

),

monitor_records as (

    select * from {{ monitor_records() }} as records
    where records.rejected_column is null and records.superseded_by_source_id is null and records.legal_stage_code is not null

),

from_monitors as (

    select
        monitor_records.event_id || '-LS1' as stage_id,
        monitor_records.event_id || '-LA1' as legal_action_id,
        monitor_records.country_code,
        monitor_records.period_year,
        cast(null as date) as stage_date,
        'unknown' as date_precision,
        monitor_records.legal_stage_code as stage_code,
        null as penalty_text,
        cast(null as date) as alt_stage_date,
        null as inconsistency_note,
        'export' as source_section,
        monitor_records.source_record_locator as source_locator,
        0 as load_batch_id

    from monitor_records

),

final as (

    {{ union_all_by_name(
        ['assessment_stages', 'from_monitors'],
        columns=[
            'stage_id',
            'legal_action_id',
            'country_code',
            'period_year',
            'stage_date',
            'date_precision',
            'stage_code',
            'penalty_text',
            'alt_stage_date',
            'inconsistency_note',
            'source_section',
            'source_locator',
            'load_batch_id',
        ]
    ) }}

)

select * from final  -- noqa: AM04
{%- if is_incremental() %}
where {{ rows_of_newer_batches('final') }}
{%- endif %}
