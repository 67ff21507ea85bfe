-- The report's published metrics on incidents and on persons deprived of liberty, recomputed from
-- the register (register_counts adds the legal and person metrics and sums them): same metric
-- names and breakdown names as raw_published_statistics, one row per counted value. Which
-- categories count toward which metric is a seed (xwalk_category_to_published_metric).
with

incidents as (

    select * from {{ ref('fct_incidents') }}

),

victims as (

    select * from {{ ref('fct_incident_victims') }}

),

report_victim_groups as (

    select * from {{ ref('ref_report_victim_groups') }}

),

category_metrics as (

    select * from {{ ref('xwalk_category_to_published_metric') }}

),

-- incidents counted by the year they happened (published figures carry their reference year);
-- every dated incident also counts toward the incidents the report analysed
incident_metrics as (

    select
        incidents.*,
        category_metrics.metric

    from incidents
    inner join category_metrics
        on
            incidents.category_code = category_metrics.category_code
            and category_metrics.counted_unit = 'incidents'
    where incidents.is_dated

    union all

    select
        incidents.*,
        'incidents_analysed' as metric

    from incidents
    where incidents.is_dated

),

incident_figures as (

    {{ count_figures('incident_metrics', 'incident_metrics.event_year', [
        {'metric': 'incident_metrics.metric'},
        {'metric': 'incident_metrics.metric', 'dimensions': [('context', 'incident_metrics.context_code')]},
    ]) }}

),

liberty_victims as (

    select
        victims.*,
        category_metrics.metric,
        category_metrics.procedure_type,
        report_victim_groups.combined_victim_group

    from victims
    inner join category_metrics
        on
            victims.category_code = category_metrics.category_code
            and category_metrics.counted_unit = 'person_victims'
    inner join report_victim_groups
        on victims.report_victim_group = report_victim_groups.report_victim_group
    where victims.victim_type = 'person' and victims.is_dated

),

liberty_figures as (

    {{ count_figures('liberty_victims', 'liberty_victims.event_year', [
        {'metric': 'liberty_victims.metric'},
        {'metric': 'liberty_victims.metric', 'dimensions': [('sex', 'liberty_victims.sex')]},
        {'metric': 'liberty_victims.metric', 'dimensions': [('victim_group', 'liberty_victims.combined_victim_group')],
            'where': 'liberty_victims.combined_victim_group is not null'},
        {'metric': "'restriction_of_liberty_threats'",
            'dimensions': [('procedure_type', 'liberty_victims.procedure_type'), ('threat_type', 'liberty_victims.category_code')]},
        {'metric': "'restriction_of_liberty_threats'",
            'dimensions': [
                ('procedure_type', 'liberty_victims.procedure_type'), ('threat_type', 'liberty_victims.category_code'),
                ('victim_group', 'liberty_victims.report_victim_group'),
            ]},
    ]) }}

),

final as (

    select * from incident_figures
    union all
    select * from liberty_figures

)

select * from final  -- noqa: AM04
