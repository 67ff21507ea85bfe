-- The victims of every source's incidents, in one shape (see int_register__incident_events):
-- the assessment register's victims (names and outlets in their canonical spelling from
-- raw_name_variants, beside the spelling as reported) and one victim per monitor record (CPJ: the named journalist
-- or media worker, sex as CPJ records it; Article 19 Mexico: an unnamed journalist, outlet or group,
-- sex or kind as its `sexo` says).
with

assessment_victims as (

    select * from {{ ref('stg_assessment__incident_victims') }}

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

from_cpj as (

    select
        cpj.event_id || '-V1' as incident_victim_id,
        cpj.event_id,
        cpj.country_code,
        cpj.event_year as period_year,
        cpj.victim_name,
        cpj.full_name as victim_name_as_reported,
        'person' as victim_type,
        cpj.role_code,
        cpj.gender,
        cpj.gender_basis,
        case when cpj.gender_basis = 'stated' then 'export' end as gender_section,
        case when cpj.gender_basis = 'stated' then cpj.source_record_locator end as gender_locator,
        {{ clean_text("split_part(cpj.organizations, ',', 1)") }} as outlet_name,
        cpj.organizations as outlet_name_as_reported,
        'export' as source_section,
        cpj.source_record_locator as source_locator,
        0 as load_batch_id,
        cpj.source_id,
        cpj.source_record_locator

    from cpj

),

from_article19_mx as (

    select
        article19_mx.event_id || '-V1' as incident_victim_id,
        article19_mx.event_id,
        article19_mx.country_code,
        cast(year(article19_mx.event_date) as integer) as period_year,
        null as victim_name,
        null as victim_name_as_reported,
        article19_mx.victim_type,
        article19_mx.role_code,
        article19_mx.gender,
        article19_mx.gender_basis,
        case when article19_mx.gender_basis = 'stated' then 'export' end as gender_section,
        case when article19_mx.gender_basis = 'stated' then article19_mx.sex_label end as gender_locator,
        null as outlet_name,
        null as outlet_name_as_reported,
        'export' as source_section,
        article19_mx.source_record_locator as source_locator,
        0 as load_batch_id,
        article19_mx.source_id,
        article19_mx.source_record_locator

    from article19_mx

),

unioned as (

    {{ union_all_by_name(
        ['from_assessments', 'from_cpj', 'from_article19_mx'],
        columns=[
            'incident_victim_id',
            'event_id',
            'country_code',
            'period_year',
            'victim_type',
            'role_code',
            'gender',
            'gender_basis',
            'gender_section',
            'gender_locator',
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
