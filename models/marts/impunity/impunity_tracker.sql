-- Every case through its stages: one row per legal action (its path of dated stages, current
-- status and, for crimes against journalists, impunity status), plus one row per physical
-- attack or threat on a journalist for which the report mentions no case at all.
-- In an append only the partitions the new batches change are rebuilt (macros/append_scope.sql).
{{ config(pre_hook="{{ delete_rows_to_rebuild(rewritten_rows('impunity_tracker')) }}") }}
with

legal_actions as (

    select * from {{ ref('fct_legal_actions') }}

),

stages as (

    select * from {{ ref('fct_legal_action_status_history') }}

),

incidents as (

    select * from {{ ref('fct_incidents') }}

),

categories as (

    select * from {{ ref('dim_incident_categories') }}

),

-- the partitions this run (re)builds, read from the relations: the CTEs above are read elsewhere
-- too, and a CTE read twice is materialized whole (every legal action, every incident)
legal_actions_to_build as (

    select partition_actions.*
    from {{ ref('fct_legal_actions') }} as partition_actions
    where {{ in_partitions_to_rebuild('partition_actions', impunity_tracker_partitions()) }}

),

incidents_to_build as (

    select partition_incidents.*
    from {{ ref('fct_incidents') }} as partition_incidents
    where {{ in_partitions_to_rebuild('partition_incidents', impunity_tracker_partitions()) }}

),

stage_paths as (

    select
        stages.legal_action_key,
        {{ dbt.listagg(
            "stages.stage_code || coalesce(' ' || " ~ format_date('stages.stage_date', 'day') ~ ", '')",
            "' > '",
            'order by stages.stage_sequence'
        ) }} as stage_path

    from stages
    inner join legal_actions_to_build
        on stages.legal_action_key = legal_actions_to_build.legal_action_key
    group by stages.legal_action_key

),

cases as (

    select
        legal_actions_to_build.legal_action_key as case_key,
        'legal_action' as case_type,
        legal_actions_to_build.country_code,
        legal_actions_to_build.period_year,
        legal_actions_to_build.legal_action_id,
        legal_actions_to_build.related_event_id as event_id,
        incidents.event_date,
        incidents.category_code,
        legal_actions_to_build.procedure_type,
        legal_actions_to_build.journalist_position,
        legal_actions_to_build.legal_article_id,
        legal_actions_to_build.victim_key,
        legal_actions_to_build.victim_name,
        legal_actions_to_build.report_victim_group,
        legal_actions_to_build.stage_count,
        stage_paths.stage_path,
        legal_actions_to_build.first_stage_date,
        legal_actions_to_build.current_stage_code,
        legal_actions_to_build.current_stage_date,
        legal_actions_to_build.current_outcome_group,
        legal_actions_to_build.is_concluded,
        legal_actions_to_build.current_penalty_text,
        coalesce(legal_actions_to_build.impunity_status, 'not_applicable') as impunity_status,
        cast(
            {{ dbt.datediff('incidents.event_date', 'legal_actions_to_build.current_stage_date', 'day') }} as bigint  -- noqa: LT05
        ) as days_from_incident_to_current_stage,
        legal_actions_to_build.legal_action_summary as case_summary

    from legal_actions_to_build
    left join stage_paths
        on legal_actions_to_build.legal_action_key = stage_paths.legal_action_key
    left join incidents
        on legal_actions_to_build.related_incident_key = incidents.incident_key

),

incidents_without_case as (

    select
        incidents_to_build.incident_key as case_key,
        'incident_without_case' as case_type,
        incidents_to_build.country_code,
        incidents_to_build.period_year,
        null as legal_action_id,
        incidents_to_build.event_id,
        incidents_to_build.event_date,
        incidents_to_build.category_code,
        null as procedure_type,
        'injured_party' as journalist_position,
        null as legal_article_id,
        null as victim_key,
        null as victim_name,
        null as report_victim_group,
        0 as stage_count,
        null as stage_path,
        null as first_stage_date,
        'not_reported' as current_stage_code,
        null as current_stage_date,
        'open' as current_outcome_group,
        false as is_concluded,
        null as current_penalty_text,
        'no_case_reported' as impunity_status,
        null as days_from_incident_to_current_stage,
        incidents_to_build.event_summary as case_summary

    from incidents_to_build
    inner join categories
        on incidents_to_build.category_code = categories.category_code
    where
        categories.category_group = 'physical'
        and not exists (
            select 1
            from legal_actions
            where legal_actions.related_incident_key = incidents_to_build.incident_key
        )

),

final as (

    {{ union_all_by_name(['cases', 'incidents_without_case'], columns=model.columns.keys() | list) }}

)

select * from final
