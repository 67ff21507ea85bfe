-- The report's published metrics recomputed from the register, where the register can derive
-- them: same metric names and breakdown names as raw_published_statistics, one row per value.
-- This model is the one place that says how each published metric is derived from the facts.
{%- set liberty_by_court = "('court_sanctioned_arrest', 'house_arrest', 'imprisonment',
    'restriction_of_liberty', 'suspended_sentence', 'administrative_arrest')" %}

with

incidents as (

    select * from {{ ref('fct_incidents') }}

),

victims as (

    select * from {{ ref('fct_incident_victims') }}

),

legal_actions as (

    select * from {{ ref('fct_legal_actions') }}

),

dim_victims as (

    select * from {{ ref('dim_victims') }}

),

report_victim_groups as (

    select * from {{ ref('stg_reference__report_victim_groups') }}

),

charges as (

    select * from {{ ref('int_criminal_charges_by_article') }}

),

-- incidents counted by the year they happened (published figures carry their reference year)
incident_figures as (

    select
        incidents.country_code,
        incidents.period_year,
        incidents.event_year as reference_year,
        case
            when incidents.category_code = 'killing' then 'killings_of_journalists'
            when incidents.category_code = 'attempted_killing' then 'attempted_killings_of_journalists'
            when incidents.category_code in ('threat_to_life', 'property_attack') then 'threats_to_life'
            when incidents.category_code = 'physical_attack' then 'attacks_on_journalists'
            when incidents.category_code = 'detention' then 'detentions'
        end as metric,
        '' as dimension_key,
        count(*) as register_value

    from incidents
    group by all
    having metric is not null

    union all

    select
        incidents.country_code,
        incidents.period_year,
        incidents.event_year as reference_year,
        'detentions' as metric,
        'context=' || incidents.context_code as dimension_key,
        count(*) as register_value

    from incidents
    where incidents.category_code = 'detention'
    group by all

),

liberty_victims as (

    select
        victims.*,
        case when victims.category_code = 'administrative_arrest' then 'administrative' else 'criminal' end as procedure_type,
        case
            when victims.report_victim_group in ('blogger', 'activist_public_figure') then 'blogger_or_activist'
        end as combined_victim_group

    from victims
    where
        victims.category_code in {{ liberty_by_court }}
        and victims.victim_type = 'person'

),

liberty_figures as (

    {{ count_figures('liberty_victims', 'liberty_victims.event_year', [
        {'metric': "'threats_to_freedom_of_movement'", 'key': "''"},
        {'metric': "'threats_to_freedom_of_movement'", 'key': "'gender=' || liberty_victims.gender"},
        {'metric': "'threats_to_freedom_of_movement'", 'key': "'victim_group=' || liberty_victims.combined_victim_group",
            'where': 'liberty_victims.combined_victim_group is not null'},
        {'metric': "'restriction_of_liberty_threats'",
            'key': "'procedure_type=' || liberty_victims.procedure_type || '|threat_type=' || liberty_victims.category_code"},
        {'metric': "'restriction_of_liberty_threats'",
            'key': "'procedure_type=' || liberty_victims.procedure_type || '|threat_type=' || liberty_victims.category_code
                || '|victim_group=' || liberty_victims.report_victim_group"},
    ]) }}

),

-- charges and claims against persons of the report's three groups, active in the period
person_actions as (

    select
        legal_actions.*,
        case
            when legal_actions.report_victim_group in ('blogger', 'activist_public_figure') then 'blogger_or_activist'
        end as combined_victim_group

    from legal_actions
    inner join report_victim_groups
        on legal_actions.report_victim_group = report_victim_groups.report_victim_group
    where
        legal_actions.journalist_position = 'defendant'
        and legal_actions.is_active_in_period
        and report_victim_groups.is_person_group

),

{%- set procedure_metric = "case person_actions.procedure_type when 'criminal' then 'criminal_charges'
    when 'civil' then 'civil_claims' when 'administrative' then 'administrative_charges' end" %}

legal_figures as (

    {{ count_figures('person_actions', 'person_actions.period_year', [
        {'metric': procedure_metric, 'key': "''"},
        {'metric': procedure_metric, 'key': "'victim_group=' || person_actions.report_victim_group",
            'where': "person_actions.procedure_type != 'criminal'"},
        {'metric': procedure_metric, 'key': "'victim_group=' || person_actions.combined_victim_group",
            'where': "person_actions.procedure_type != 'criminal' and person_actions.combined_victim_group is not null"},
        {'metric': "'proceedings_related_threats'", 'key': "''"},
    ]) }}

),

charge_figures as (

    select
        charges.country_code,
        charges.period_year,
        charges.period_year as reference_year,
        'criminal_charges' as metric,
        'article=' || charges.article_row || '|victim_group=' || charges.report_victim_group as dimension_key,
        charges.itemized_charges as register_value
    from charges

    union all

    select
        charges.country_code,
        charges.period_year,
        charges.period_year as reference_year,
        'criminal_charges' as metric,
        'article=' || charges.article_row as dimension_key,
        sum(charges.itemized_charges) as register_value
    from charges
    group by all

    union all

    select
        charges.country_code,
        charges.period_year,
        charges.period_year as reference_year,
        'criminal_charges' as metric,
        'victim_group=' || charges.report_victim_group as dimension_key,
        sum(charges.itemized_charges) as register_value
    from charges
    group by all

),

threatened_persons as (

    select distinct
        victims.country_code,
        victims.period_year,
        victims.victim_key
    from victims
    where victims.victim_type = 'person' and victims.event_year = victims.period_year

    union

    select distinct
        person_actions.country_code,
        person_actions.period_year,
        person_actions.victim_key
    from person_actions

),

person_figures as (

    select
        threatened_persons.country_code,
        threatened_persons.period_year,
        threatened_persons.period_year as reference_year,
        'threatened_persons' as metric,
        'gender=' || dim_victims.gender as dimension_key,
        count(*) as register_value

    from threatened_persons
    inner join dim_victims
        on threatened_persons.victim_key = dim_victims.victim_key
    group by all

),

final as (

    select * from incident_figures
    union all
    select * from liberty_figures
    union all
    select * from legal_figures
    union all
    select * from charge_figures
    union all
    select * from person_figures

)

select
    final.country_code,
    final.period_year,
    final.reference_year,
    final.metric,
    final.dimension_key,
    cast(sum(final.register_value) as decimal(18, 4)) as register_value
from final
where final.metric is not null
group by all
