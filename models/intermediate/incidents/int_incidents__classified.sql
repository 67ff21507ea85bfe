-- Each incident classified once: SDG 16.10.1 violation type (int_incidents__most_serious_act),
-- JFJ group, perpetrator status, verification, arbitrariness, region of its city, and its dates.
-- A table built by load batch: an append classifies the incidents it delivers only.
with

events as (

    select * from {{ ref('int_register__incident_events') }}

),

-- in an append the incidents it delivers only, as events below: a join of the new events with
-- every incident's type would build its hash table over all of them
most_serious as (

    select all_most_serious.*
    from {{ ref('int_incidents__most_serious_act') }} as all_most_serious
    {%- if is_incremental() %}
        where {{ rows_of_newer_batches('all_most_serious', from_sql=ref('int_incidents__most_serious_act')) }}
    {%- endif %}

),

category_to_jfj as (

    select * from {{ ref('xwalk_category_to_jfj') }}

),

perpetrator_types as (

    select * from {{ ref('vocab_perpetrator_types') }}

),

verification_statuses as (

    select * from {{ ref('vocab_verification_statuses') }}

),

arbitrariness_categories as (

    select * from {{ ref('vocab_arbitrariness_categories') }}

),

cities as (

    select * from {{ ref('ref_cities') }}

),

final as (

    select
        events.event_id,
        events.country_code,
        events.period_year,
        events.event_country_code,
        events.event_date,
        events.date_precision,
        events.event_date is not null as is_dated,
        cast(year(events.event_date) as integer) as event_year,
        case
            when events.date_precision in ('day', 'month') then cast(date_trunc('month', events.event_date) as date)
        end as event_month,
        -- unknown (null) for an undated incident: it cannot be placed before or in the period
        year(events.event_date) < events.period_year as is_historical,
        events.category_code,
        events.secondary_category_codes,
        most_serious.act_count,
        most_serious.sdg_violation_code,
        category_to_jfj.jfj_category_code,
        events.city_name,
        cities.region_code,
        events.context_code,
        events.perpetrator_type_code,
        perpetrator_types.sdg_perpetrator_status,
        events.perpetrator_description,
        events.verification_status_code,
        verification_statuses.is_verified,
        events.arbitrariness_category_code,
        arbitrariness_categories.is_arbitrary,
        events.arbitrariness_locator,
        events.event_summary,
        events.alt_event_date,
        events.inconsistency_note,
        events.source_section,
        events.source_locator,
        events.impunity_outcome_code,
        events.category_as_reported,
        events.motive_as_reported,
        events.source_id,
        events.source_record_locator,
        events.load_batch_id

    from events
    inner join most_serious
        on events.event_id = most_serious.event_id
    inner join category_to_jfj
        on events.category_code = category_to_jfj.category_code
    inner join perpetrator_types
        on events.perpetrator_type_code = perpetrator_types.perpetrator_type_code
    inner join verification_statuses
        on events.verification_status_code = verification_statuses.verification_status_code
    left join arbitrariness_categories
        on events.arbitrariness_category_code = arbitrariness_categories.arbitrariness_category_code
    left join cities
        on
            events.country_code = cities.country_code
            and events.city_name = cities.city_name
    {%- if is_incremental() %}
        where {{ rows_of_newer_batches('events') }}
    {%- endif %}

)

select * from final
