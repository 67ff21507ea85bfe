-- The SDG 16.10.1 type of each incident by the most-serious-offence rule: of all its acts
-- (int_incident_acts), the one whose type ranks gravest (ref_sdg_violation_types.severity_rank).
-- A table built by load batch: an append ranks the acts of the incidents it delivers only.
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
        acts.country_code,
        acts.period_year,
        acts.sdg_violation_code,
        sdg_violation_types.severity_rank,
        acts.load_batch_id

    from acts
    inner join sdg_violation_types
        on acts.sdg_violation_code = sdg_violation_types.sdg_violation_code
    {%- if is_incremental() %}
        where {{ rows_of_newer_batches('acts') }}
    {%- endif %}

),

final as (

    select
        acts_ranked.event_id,
        acts_ranked.country_code,
        acts_ranked.period_year,
        min_by(acts_ranked.sdg_violation_code, acts_ranked.severity_rank) as sdg_violation_code,
        count(*) as act_count,
        max(acts_ranked.load_batch_id) as load_batch_id

    from acts_ranked
    group by acts_ranked.event_id, acts_ranked.country_code, acts_ranked.period_year

)

select * from final
