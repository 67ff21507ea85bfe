-- The legal actions of every source, in one shape: the assessment register's
-- (stg_assessment__legal_actions, names and outlets in their canonical spelling from
-- raw_name_variants) and, for each CPJ record whose impunity field states an outcome
-- of the prosecution (xwalk_cpj__impunity.legal_stage_code), one criminal action in which the
-- killed journalist is the injured party. CPJ names no court, article or date for it, so those stay
-- empty; its one stage is in int_register__legal_action_stages. Every downstream model reads legal
-- actions from here.
with

assessment_actions as (

    select * from {{ ref('stg_assessment__legal_actions') }}

),

assessments as (

    select * from {{ ref('stg_assessment__assessment_sources') }}

),

cpj as (

    select * from {{ ref('int_cpj__killings') }}

),

sources as (

    select * from {{ ref('ref_sources') }}

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

from_cpj as (

    select
        cpj.event_id || '-LA1' as legal_action_id,
        cpj.country_code,
        cpj.event_year as period_year,
        'criminal' as procedure_type,
        'injured_party' as journalist_position,
        cpj.event_id as related_event_id,
        null as legal_article_id,
        cpj.victim_name,
        cpj.full_name as victim_name_as_reported,
        cpj.role_code as victim_role_code,
        cpj.gender as victim_gender,
        cpj.gender_basis as victim_gender_basis,
        case when cpj.gender_basis = 'stated' then 'export' end as victim_gender_section,
        case when cpj.gender_basis = 'stated' then cpj.source_record_locator end as victim_gender_locator,
        null as outlet_name,
        null as outlet_name_as_reported,
        null as claimant_type,
        null as claimant_description,
        'CPJ: prosecution of the killing of ' || coalesce(cpj.full_name, 'an unnamed victim')
        || '; impunity: ' || cpj.impunity_murder as legal_action_summary,
        null as inconsistency_note,
        'export' as source_section,
        cpj.source_record_locator as source_locator,
        0 as load_batch_id,
        cpj.source_id,
        cpj.source_record_locator

    from cpj
    where cpj.impunity_stage_code is not null

),

unioned as (

    {{ union_all_by_name(
        ['from_assessments', 'from_cpj'],
        columns=[
            'legal_action_id',
            'country_code',
            'period_year',
            'procedure_type',
            'journalist_position',
            'related_event_id',
            'legal_article_id',
            'victim_role_code',
            'victim_gender',
            'victim_gender_basis',
            'victim_gender_section',
            'victim_gender_locator',
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
