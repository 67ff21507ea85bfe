-- One row per act of an incident: its main category and each secondary category.
with

events as (

    select * from {{ ref('stg_assessment__incident_events') }}

),

main_acts as (

    select
        events.event_id,
        events.country_code,
        events.period_year,
        events.category_code,
        true as is_main_act

    from events

),

secondary_acts as (

    select
        events.event_id,
        events.country_code,
        events.period_year,
        trim(secondary.category_code) as category_code,
        false as is_main_act

    from events
    cross join unnest(string_split(events.secondary_category_codes, ';')) as secondary (category_code)
    where events.secondary_category_codes is not null

),

final as (

    select * from main_acts
    union all
    select * from secondary_acts

)

select * from final
