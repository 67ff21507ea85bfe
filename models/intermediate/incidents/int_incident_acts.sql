-- One row per act of an incident: its main category and each secondary category, with the SDG
-- 16.10.1 violation type of the act. This is the one place the arbitrariness rule is applied: a
-- deprivation of liberty maps to D (arbitrary detention) only when the incident's arbitrariness
-- category is arbitrary (vocab_arbitrariness_categories); otherwise, or when none is recorded, it maps
-- to the crosswalk's sdg_violation_code_if_not_arbitrary (deprivation_not_established).
-- A table built by load batch: an append splits the incidents it delivers only.
with

-- the incidents this run splits: all, or in an append those of the new batches (an incident's acts
-- all come with it)
events as (

    select all_events.*
    from {{ ref('int_register__incident_events') }} as all_events
    {%- if is_incremental() %}
        where {{ rows_of_newer_batches('all_events', from_sql=ref('int_register__incident_events')) }}
    {%- endif %}

),

category_to_sdg as (

    select * from {{ ref('xwalk_category_to_sdg') }}

),

arbitrariness_categories as (

    select * from {{ ref('vocab_arbitrariness_categories') }}

),

main_acts as (

    select
        events.event_id,
        events.country_code,
        events.period_year,
        events.category_code,
        events.arbitrariness_category_code,
        true as is_main_act,
        events.load_batch_id

    from events

),

secondary_acts as (

    select
        events.event_id,
        events.country_code,
        events.period_year,
        trim(secondary.category_code) as category_code,
        events.arbitrariness_category_code,
        false as is_main_act,
        events.load_batch_id

    from events
    {{ split_to_rows('events.secondary_category_codes', ';', 'secondary', 'category_code') }}
    where events.secondary_category_codes is not null

),

acts as (

    select * from main_acts
    union all
    select * from secondary_acts

),

final as (

    select
        acts.event_id,
        acts.country_code,
        acts.period_year,
        acts.category_code,
        acts.is_main_act,
        case
            when coalesce(arbitrariness_categories.is_arbitrary, false) then category_to_sdg.sdg_violation_code
            else coalesce(category_to_sdg.sdg_violation_code_if_not_arbitrary, category_to_sdg.sdg_violation_code)
        end as sdg_violation_code,
        acts.load_batch_id

    from acts
    inner join category_to_sdg
        on acts.category_code = category_to_sdg.category_code
    left join arbitrariness_categories
        on acts.arbitrariness_category_code = arbitrariness_categories.arbitrariness_category_code

)

select * from final
