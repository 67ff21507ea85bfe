-- The report's published metrics on legal actions, criminal charges and threatened persons,
-- recomputed from the register (summed with the incident metrics in register_counts): same
-- metric names and breakdown names as raw_published_statistics, one row per counted value. The
-- metric of each procedure is in vocab_procedure_types, the combined victim group in
-- ref_report_victim_groups.
with

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

    select * from {{ ref('ref_report_victim_groups') }}

),

procedure_types as (

    select * from {{ ref('vocab_procedure_types') }}

),

charges as (

    select * from {{ ref('criminal_charge_cells') }}

),

-- charges and claims against persons of the report's three groups, active in the period
person_actions as (

    select
        legal_actions.*,
        report_victim_groups.combined_victim_group,
        procedure_types.published_metric

    from legal_actions
    inner join report_victim_groups
        on legal_actions.report_victim_group = report_victim_groups.report_victim_group
    inner join procedure_types
        on legal_actions.procedure_type = procedure_types.procedure_type
    where
        legal_actions.journalist_position = 'defendant'
        and legal_actions.is_active_in_period
        and report_victim_groups.is_person_group

),

legal_figures as (

    {{ count_figures('person_actions', 'person_actions.period_year', [
        {'metric': 'person_actions.published_metric'},
        {'metric': 'person_actions.published_metric', 'dimensions': [('victim_group', 'person_actions.report_victim_group')],
            'where': "person_actions.procedure_type != 'criminal'"},
        {'metric': 'person_actions.published_metric', 'dimensions': [('victim_group', 'person_actions.combined_victim_group')],
            'where': "person_actions.procedure_type != 'criminal' and person_actions.combined_victim_group is not null"},
        {'metric': "'proceedings_related_threats'"},
    ]) }}

),

charge_figures as (

    select
        charges.country_code,
        charges.period_year,
        charges.period_year as reference_year,
        'criminal_charges' as metric,
        {{ dimension_columns([('article', 'charges.article_row'), ('victim_group', 'charges.report_victim_group')]) }},
        charges.itemized_charges as register_value
    from charges

    union all

    select
        charges.country_code,
        charges.period_year,
        charges.period_year as reference_year,
        'criminal_charges' as metric,
        {{ dimension_columns([('article', 'charges.article_row')]) }},
        sum(charges.itemized_charges) as register_value
    from charges
    group by all

    union all

    select
        charges.country_code,
        charges.period_year,
        charges.period_year as reference_year,
        'criminal_charges' as metric,
        {{ dimension_columns([('victim_group', 'charges.report_victim_group')]) }},
        sum(charges.itemized_charges) as register_value
    from charges
    group by all

),

-- (`union` makes each person one row: a `distinct` in each branch grouped the rows twice)
threatened_persons as (

    select
        victims.country_code,
        victims.period_year,
        victims.victim_key
    from victims
    where victims.victim_type = 'person' and victims.event_year = victims.period_year

    union

    select
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
        {{ dimension_columns([('sex', 'dim_victims.sex')]) }},
        count(*) as register_value

    from threatened_persons
    inner join dim_victims
        on threatened_persons.victim_key = dim_victims.victim_key
    group by all

),

final as (

    select * from legal_figures
    union all
    select * from charge_figures
    union all
    select * from person_figures

)

select * from final  -- noqa: AM04
