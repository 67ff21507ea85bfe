-- A confidentiality decision protects a record only if its id is one: a mistyped id would withhold
-- nobody, silently. Each row is a decision of seeds/reference/ref_confidentiality_decisions.csv
-- whose incident_victim_id is no incident victim of the register (the id names the row).
with

decisions as (

    select * from {{ ref('ref_confidentiality_decisions') }}

),

victims as (

    select * from {{ ref('fct_incident_victims') }}

),

final as (

    select
        'seeds/reference/ref_confidentiality_decisions.csv' as seed_file,
        decisions.incident_victim_id,
        decisions.subject,
        'no incident victim has this id: the decision would withhold nobody' as problem

    from decisions
    left join victims
        on decisions.incident_victim_id = victims.incident_victim_id
    where victims.incident_victim_id is null

)

select * from final
