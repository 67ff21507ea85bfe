-- The legal actions of every source, in one shape: the assessment register's
-- (stg_assessment__legal_actions, names and outlets in their canonical spelling from
-- raw_name_variants) and one legal action for each loaded monitor record that states one
-- (legal_stage_code in the monitor-record contract, macros/monitors.sql), concerning the record's
-- victim. A monitor names no court, article or date for it, so those stay empty; its one stage is
-- in int_register__legal_action_stages. Every downstream model reads legal actions from here.
-- A table built by load batch (the readers filter it, the tests of an append read the new rows):
-- an append adds the rows of the new batches. The monitors' rows (batch 0), the canonical
-- spellings and the sources are seeds and monitor files, which an append does not change.
with

assessment_actions as (

    select * from {{ ref('stg_assessment__legal_actions') }}

),

assessments as (

    select * from {{ ref('stg_assessment__assessment_sources') }}

),

monitor_records as (

    select * from {{ monitor_records() }} as records
    where records.rejected_column is null and records.superseded_by_source_id is null and records.legal_stage_code is not null

),

sources as (

    select * from {{ ref('int_sources') }}

),

from_assessments as (

    select
        {{ star_except('assessment_actions', ['victim_name', 'outlet_name']) }},
        {{ canonical_name('person_names', 'assessment_actions.victim_name') }} as victim_name,
        assessment_actions.victim_name as victim_name_as_reported,
        {{ canonical_name('outlet_names', 'assessment_actions.outlet_name') }} as outlet_name,
        assessment_actions.outlet_name as outlet_name_as_reported,
        {{ register_source_id() }} as source_id,
        assessment_actions.source_locator as source_record_locator

    from assessment_actions
    {{ canonical_name_join('person_names', 'assessment_actions.victim_name', 'person', 'assessment_actions.country_code') }}
    {{ canonical_name_join('outlet_names', 'assessment_actions.outlet_name', 'outlet', 'assessment_actions.country_code') }}
    {{ join_register_source('assessment_actions') }}

),

from_monitors as (

    select
        monitor_records.event_id || '-LA1' as legal_action_id,
        monitor_records.country_code,
        monitor_records.period_year,
        monitor_records.legal_procedure_type as procedure_type,
        monitor_records.legal_journalist_position as journalist_position,
        monitor_records.event_id as related_event_id,
        null as legal_article_id,
        monitor_records.victim_name,
        monitor_records.victim_name_as_reported,
        monitor_records.role_code as victim_role_code,
        monitor_records.sex as victim_sex,
        monitor_records.sex_basis as victim_sex_basis,
        case when monitor_records.sex_basis = 'stated' then 'export' end as victim_sex_section,
        monitor_records.sex_locator as victim_sex_locator,
        null as outlet_name,
        null as outlet_name_as_reported,
        null as claimant_type,
        null as claimant_description,
        monitor_records.legal_action_summary,
        null as inconsistency_note,
        'export' as source_section,
        monitor_records.source_record_locator as source_locator,
        0 as load_batch_id,
        monitor_records.source_id,
        monitor_records.source_record_locator

    from monitor_records

),

unioned as (

    {{ union_all_by_name(
        ['from_assessments', 'from_monitors'],
        columns=[
            'legal_action_id',
            'country_code',
            'period_year',
            'procedure_type',
            'journalist_position',
            'related_event_id',
            'legal_article_id',
            'victim_role_code',
            'victim_sex',
            'victim_sex_basis',
            'victim_sex_section',
            'victim_sex_locator',
            'claimant_type',
            'claimant_description',
            'legal_action_summary',
            'inconsistency_note',
            'source_section',
            'source_locator',
            'load_batch_id',
            'victim_name',
            'victim_name_as_reported',
            'outlet_name',
            'outlet_name_as_reported',
            'source_id',
            'source_record_locator',
        ]
    ) }}

),

final as (

    select
        unioned.*,
        {{ victim_identity('sources.victim_identity_rule', 'unioned.victim_name', 'unioned.related_event_id') }}
            as victim_identity

    from unioned
    left join sources
        on unioned.source_id = sources.source_id

)

select * from final  -- noqa: AM04
{%- if is_incremental() %}
where {{ rows_of_newer_batches('final') }}
{%- endif %}
