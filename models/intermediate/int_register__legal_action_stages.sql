-- The stages of every source's legal actions, in one shape: the assessment register's
-- (stg_assessment__legal_action_stages) and, for each CPJ legal action (int_register__legal_actions),
-- the one stage CPJ's impunity field states. CPJ gives no date for it, so the stage is undated
-- (precision unknown) rather than given one.
with

assessment_stages as (

    select * from {{ ref('stg_assessment__legal_action_stages') }}

),

cpj as (

    select * from {{ ref('int_cpj__killings') }}

),

from_cpj as (

    select
        cpj.event_id || '-LS1' as stage_id,
        cpj.event_id || '-LA1' as legal_action_id,
        cpj.country_code,
        cpj.event_year as period_year,
        cast(null as date) as stage_date,
        'unknown' as date_precision,
        cpj.impunity_stage_code as stage_code,
        null as penalty_text,
        cast(null as date) as alt_stage_date,
        null as inconsistency_note,
        'export' as source_section,
        cpj.source_record_locator as source_locator,
        0 as load_batch_id

    from cpj
    where cpj.impunity_stage_code is not null

),

final as (

    {{ union_all_by_name(
        ['assessment_stages', 'from_cpj'],
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
