-- The SDG 16.10.1 type of each incident by the most-serious-offence rule: of all its acts
-- (int_incident_acts), the one whose type ranks gravest (ref_sdg_violation_types.severity_rank).
with

acts as (

    select * from {{ ref('int_incident_acts') }}

),

sdg_violation_types as (

    select * from {{ ref('ref_sdg_violation_types') }}

),

acts_ranked as (

    select
        acts.event_id,
        acts.sdg_violation_code,
        sdg_violation_types.severity_rank

    from acts
    inner join sdg_violation_types
        on acts.sdg_violation_code = sdg_violation_types.sdg_violation_code

),

final as (

    select
        acts_ranked.event_id,
        min_by(acts_ranked.sdg_violation_code, acts_ranked.severity_rank) as sdg_violation_code,
        count(*) as act_count

    from acts_ranked
    group by acts_ranked.event_id

)

select * from final
