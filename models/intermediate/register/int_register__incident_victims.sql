-- The victims of every source's incidents, in one shape (see int_register__incident_events):
-- the assessment register's victims (names and outlets in their canonical spelling from
-- raw_name_variants, beside the spelling as reported) and one victim per loaded monitor record,
-- as the monitor's contract model gives it (macros/monitors.sql).
-- A table built by load batch (the readers filter it, the tests of an append read the new rows):
-- an append adds the rows of the new batches. The monitors' rows (batch 0), the canonical
-- spellings and the sources are seeds and monitor files, which an append does not change.
with

assessment_victims as (

    select * from {{ ref('stg_assessment__incident_victims') }}

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
        {{ star_except('assessment_victims', ['victim_name', 'outlet_name']) }},
        {{ canonical_name('person_names', 'assessment_victims.victim_name') }} as victim_name,
        assessment_victims.victim_name as victim_name_as_reported,
        {{ canonical_name('outlet_names', 'assessment_victims.outlet_name') }} as outlet_name,
        assessment_victims.outlet_name as outlet_name_as_reported,
        {{ register_source_id() }} as source_id,
        assessment_victims.source_locator as source_record_locator

    from assessment_victims
    {{ canonical_name_join('person_names', 'assessment_victims.victim_name', 'person', 'assessment_victims.country_code') }}
    {{ canonical_name_join('outlet_names', 'assessment_victims.outlet_name', 'outlet', 'assessment_victims.country_code') }}
    {{ join_register_source('assessment_victims') }}

),

-- a monitor's record is one victim of one incident
from_monitors as (

    select
        monitor_records.event_id || '-V1' as incident_victim_id,
        monitor_records.event_id,
        monitor_records.country_code,
        monitor_records.period_year,
        monitor_records.victim_name,
        monitor_records.victim_name_as_reported,
        monitor_records.victim_type,
        monitor_records.role_code,
        monitor_records.sex,
        monitor_records.sex_basis,
        case when monitor_records.sex_basis = 'stated' then 'export' end as sex_section,
        monitor_records.sex_locator,
        monitor_records.outlet_name,
        monitor_records.outlet_name_as_reported,
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
            'incident_victim_id',
            'event_id',
            'country_code',
            'period_year',
            'victim_type',
            'role_code',
            'sex',
            'sex_basis',
            'sex_section',
            'sex_locator',
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
        {{ victim_identity('sources.victim_identity_rule', 'unioned.victim_name', 'unioned.event_id') }}
            as victim_identity

    from unioned
    left join sources
        on unioned.source_id = sources.source_id

)

select * from final  -- noqa: AM04
{%- if is_incremental() %}
where {{ rows_of_newer_batches('final') }}
{%- endif %}
