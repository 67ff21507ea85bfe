-- Measures computed from the register (the facts), in one long shape that every indicator view,
-- the scorecard and the reconciliation share: measure, breakdown, breakdown value, value.
-- Incident and victim measures count the assessment period's own incidents (event year =
-- period year); historical incidents are counted separately.
with

articles as (

    select * from {{ ref('dim_legal_articles') }}

),

hosting_market as (

    select * from {{ ref('int_hosting_market') }}

),

media_registry as (

    select * from {{ ref('int_media_registry') }}

),

-- (the facts are read where they are counted, each count only its columns: count_by_breakdowns)

{%- set incident_breakdowns = [
    'category_code', 'sdg_violation_code', 'jfj_category_code', 'region_code',
    'perpetrator_type_code', 'sdg_perpetrator_status', 'context_code', 'event_month',
] %}
{%- set victim_breakdowns = ['report_victim_group', 'sdg_victim_group', 'sex', 'role_code', 'category_code'] %}
{%- set legal_breakdowns = [
    'procedure_type', 'current_outcome_group', 'report_victim_group', 'victim_sex', 'claimant_type', 'legal_article_id',
] %}

incident_measures as (

    {{ count_by_breakdowns(ref('fct_incidents'), 'incidents', incident_breakdowns,
        where='counted.event_year = counted.period_year') }}

),

victim_measures as (

    {{ count_by_breakdowns(ref('fct_incident_victims'), 'victims', victim_breakdowns,
        where='counted.event_year = counted.period_year') }}

),

legal_measures as (

    {{ count_by_breakdowns(ref('fct_legal_actions'), 'legal_actions_against_journalists', legal_breakdowns,
        where="counted.journalist_position = 'defendant' and counted.is_active_in_period") }}

),

impunity_measures as (

    select
        legal_actions.country_code,
        legal_actions.period_year,
        'cases_of_crimes_against_journalists' as measure,
        'impunity_status' as breakdown,
        legal_actions.impunity_status as breakdown_value,
        count(*) as measure_value,
        'count' as unit
    from {{ ref('fct_legal_actions') }} as legal_actions
    where legal_actions.journalist_position = 'injured_party'
    group by all

),

historical_measures as (

    select
        incidents.country_code,
        incidents.period_year,
        'historical_incidents_cited' as measure,
        'category_code' as breakdown,
        incidents.category_code as breakdown_value,
        count(*) as measure_value,
        'count' as unit
    from {{ ref('fct_incidents') }} as incidents
    where incidents.is_historical
    group by all

),

provision_measures as (

    select
        articles.country_code,
        articles.period_year,
        'legal_provisions_named' as measure,
        'role_toward_journalists' as breakdown,
        articles.role_toward_journalists as breakdown_value,
        count(*) as measure_value,
        'count' as unit
    from articles
    group by all

    union all

    select
        articles.country_code,
        articles.period_year,
        'legal_provisions_named' as measure,
        'instrument_code' as breakdown,
        articles.instrument_code as breakdown_value,
        count(*) as measure_value,
        'count' as unit
    from articles
    group by all

),

hosting_measures as (

    select distinct
        hosting_market.country_code,
        hosting_market.period_year,
        'national_domain_hosting_hhi' as measure,
        'total' as breakdown,
        'all' as breakdown_value,
        hosting_market.hhi as measure_value,
        'index' as unit
    from hosting_market

    union all

    select distinct
        hosting_market.country_code,
        hosting_market.period_year,
        'national_domain_hosting_top3_share' as measure,
        'total' as breakdown,
        'all' as breakdown_value,
        hosting_market.top3_share_percent as measure_value,
        'percent' as unit
    from hosting_market

),

registry_measures as (

    select
        media_registry.country_code,
        media_registry.period_year,
        'registered_media_outlets' as measure,
        'media_type' as breakdown,
        media_registry.media_type as breakdown_value,
        media_registry.registered_count as measure_value,
        'count' as unit
    from media_registry
    where media_registry.record_type = 'national_total'

),

final as (

    select * from incident_measures
    union all
    select * from victim_measures
    union all
    select * from legal_measures
    union all
    select * from impunity_measures
    union all
    select * from historical_measures
    union all
    select * from provision_measures
    union all
    select * from hosting_measures
    union all
    select * from registry_measures

)

select
    final.country_code,
    final.period_year,
    final.measure,
    final.breakdown,
    final.breakdown_value,
    cast(final.measure_value as double) as measure_value,
    final.unit
from final
