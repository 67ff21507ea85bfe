-- SDG 16.10.1, the one home of its counting rules: one row per verified person appearance of an
-- SDG 16.10.1 violation type (and of the deprivations of liberty reported beside type D), with the
-- cell each PERSON is counted in. A person is counted once per country, period, violation type
-- and dating: under one victim group (the lowest group_precedence of their appearances, so a
-- journalist who is also a defender is counted once, as a journalist), one perpetrator status
-- (the lowest status_precedence) and their person-level sex (dim_victims). The incident's type is
-- already its most serious violation (fct_incidents). Dating: in_period (dated in the period year
-- and in the assessed country: the cases the period counts), undated (kept apart, never placed in
-- a period) or outside_period (an earlier case the source cites, or a case abroad: an SDG case,
-- counted in no period of this country). Every other surface reads these rows: sdg_16_10_1 and
-- sdg_16_10_1_by_type count them, incident_register flags them.
with

victims as (

    select * from {{ ref('fct_incident_victims') }}

),

dim_victims as (

    select * from {{ ref('dim_victims') }}

),

sexes as (

    select * from {{ ref('vocab_sexes') }}

),

sdg_violation_types as (

    select * from {{ ref('ref_sdg_violation_types') }}

),

victim_groups as (

    select * from {{ ref('ref_sdg_victim_groups') }}

),

perpetrator_statuses as (

    select * from {{ ref('ref_sdg_perpetrator_statuses') }}

),

cases as (

    select
        victims.country_code,
        victims.period_year,
        victims.sdg_violation_code,
        case
            when not victims.is_dated then 'undated'
            when victims.event_year = victims.period_year and victims.event_country_code = victims.country_code
                then 'in_period'
            else 'outside_period'
        end as dating,
        victims.victim_key,
        victims.event_id,
        victims.incident_victim_id,
        victims.sdg_victim_group,
        victim_groups.group_precedence,
        victims.sdg_perpetrator_status,
        perpetrator_statuses.status_precedence,
        victims.verification_status_code

    from victims
    inner join sdg_violation_types
        on victims.sdg_violation_code = sdg_violation_types.sdg_violation_code
    inner join victim_groups
        on victims.sdg_victim_group = victim_groups.sdg_victim_group
    inner join perpetrator_statuses
        on victims.sdg_perpetrator_status = perpetrator_statuses.sdg_perpetrator_status
    where
        victims.is_verified
        and victims.victim_type = 'person'
        and victim_groups.is_in_scope
        and sdg_violation_types.sdg_violation_code != 'out_of_scope'

),

final as (

    select
        cases.country_code,
        cases.period_year,
        cases.sdg_violation_code,
        sdg_violation_types.is_sdg_16_10_1_violation,
        cases.dating,
        cases.victim_key,
        cases.event_id,
        cases.incident_victim_id,
        cases.verification_status_code,
        min_by(cases.sdg_victim_group, cases.group_precedence) over person_case as sdg_victim_group,
        min_by(cases.sdg_perpetrator_status, cases.status_precedence) over person_case as sdg_perpetrator_status,
        sexes.sdg_sex

    from cases
    inner join sdg_violation_types
        on cases.sdg_violation_code = sdg_violation_types.sdg_violation_code
    inner join dim_victims
        on cases.victim_key = dim_victims.victim_key
    inner join sexes
        on dim_victims.sex = sexes.sex_code
    window person_case as (
        partition by cases.country_code, cases.period_year, cases.sdg_violation_code, cases.dating, cases.victim_key
    )

)

select * from final
