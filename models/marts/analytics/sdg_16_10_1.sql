-- SDG 16.10.1: verified victims of the period by violation type (A-F) x victim group x sex x
-- perpetrator status, with explicit zero rows for combinations without cases.
with

assessments as (

    select * from {{ ref('stg_assessment__assessment_sources') }}

),

sdg_violation_types as (

    select * from {{ ref('stg_reference__sdg_violation_types') }}

),

victims as (

    select * from {{ ref('fct_incident_victims') }}

),

victim_groups as (

    select * from {{ ref('stg_reference__sdg_victim_groups') }}
    where is_in_scope

),

genders as (

    select * from {{ ref('stg_vocab__genders') }}

),

perpetrator_types as (

    select * from {{ ref('stg_vocab__perpetrator_types') }}

),

sexes as (

    select distinct genders.sdg_sex
    from genders
    where genders.sdg_sex != 'not_applicable'

),

perpetrator_statuses as (

    select distinct perpetrator_types.sdg_perpetrator_status
    from perpetrator_types

),

grid as (

    select
        assessments.country_code,
        assessments.period_year,
        sdg_violation_types.sdg_violation_code,
        sdg_violation_types.sdg_violation_name,
        victim_groups.sdg_victim_group,
        sexes.sdg_sex,
        perpetrator_statuses.sdg_perpetrator_status

    from assessments
    cross join sdg_violation_types
    cross join victim_groups
    cross join sexes
    cross join perpetrator_statuses
    where sdg_violation_types.sdg_violation_code != 'out_of_scope'

),

counted as (

    select
        victims.country_code,
        victims.period_year,
        victims.sdg_violation_code,
        victims.sdg_victim_group,
        victims.sdg_sex,
        victims.sdg_perpetrator_status,
        count(*) as verified_victims

    from victims
    where
        victims.is_sdg_16_10_1_case
        and victims.event_year = victims.period_year
    group by all

),

final as (

    select
        grid.country_code,
        grid.period_year,
        grid.sdg_violation_code,
        grid.sdg_violation_name,
        grid.sdg_victim_group,
        grid.sdg_sex,
        grid.sdg_perpetrator_status,
        coalesce(counted.verified_victims, 0) as verified_victims

    from grid
    left join counted
        on
            grid.country_code = counted.country_code
            and grid.period_year = counted.period_year
            and grid.sdg_violation_code = counted.sdg_violation_code
            and grid.sdg_victim_group = counted.sdg_victim_group
            and grid.sdg_sex = counted.sdg_sex
            and grid.sdg_perpetrator_status = counted.sdg_perpetrator_status

)

select * from final
