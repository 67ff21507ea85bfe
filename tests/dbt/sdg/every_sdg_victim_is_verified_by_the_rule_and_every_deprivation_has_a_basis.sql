-- Every SDG 16.10.1 victim has a verification status from the one verification rule
-- (vocab_verification_statuses) that counts as verified, and every incident with a deprivation of
-- liberty among its acts carries an arbitrariness category from vocab_arbitrariness_categories. Returns
-- one row per breach.
with

sdg_victims as (

    select * from {{ ref('sdg_16_10_1_victims') }}

),

verification_statuses as (

    select * from {{ ref('vocab_verification_statuses') }}

),

acts as (

    select * from {{ ref('int_incident_acts') }}

),

categories as (

    select * from {{ ref('vocab_incident_categories') }}

),

incidents as (

    select * from {{ ref('fct_incidents') }}

),

arbitrariness_categories as (

    select * from {{ ref('vocab_arbitrariness_categories') }}

),

unverified_sdg_victims as (

    select
        'SDG 16.10.1 victim without a verified status' as problem,
        sdg_victims.incident_victim_id as row_id,
        sdg_victims.verification_status_code as offending_value

    from sdg_victims
    left join verification_statuses
        on sdg_victims.verification_status_code = verification_statuses.verification_status_code
    where not coalesce(verification_statuses.is_verified, false)

),

deprivations_without_basis as (

    select distinct
        'deprivation of liberty without an arbitrariness category' as problem,
        incidents.event_id as row_id,
        incidents.arbitrariness_category_code as offending_value

    from incidents
    inner join acts
        on incidents.event_id = acts.event_id
    inner join categories
        on acts.category_code = categories.category_code
    left join arbitrariness_categories
        on incidents.arbitrariness_category_code = arbitrariness_categories.arbitrariness_category_code
    where
        categories.is_deprivation_of_liberty
        and arbitrariness_categories.arbitrariness_category_code is null

),

final as (

    select * from unverified_sdg_victims
    union all
    select * from deprivations_without_basis

)

select * from final
