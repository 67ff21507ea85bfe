-- The name key of every named person victim that a record of another source could name too
-- (int_name_keys: the one rule of when two spellings are one name, each name folded once):
-- int_record_links links records by it, int_person_links links their persons by it.
-- Only dated victims of countries that more than one source names victims in are keyed. One row
-- per victim and variant.
with

incidents as (

    select * from {{ ref('int_incidents__classified') }}

),

register_victims as (

    select * from {{ ref('int_register__incident_victims') }}

),

name_keys as (

    select * from {{ ref('int_name_keys') }}

),

victims as (

    select
        register_victims.incident_victim_id,
        register_victims.event_id,
        register_victims.source_id,
        register_victims.country_code,
        register_victims.victim_type,
        register_victims.victim_name,
        incidents.event_country_code,
        incidents.event_year,
        incidents.is_dated
    from register_victims
    inner join incidents
        on register_victims.event_id = incidents.event_id

),

countries_with_several_naming_sources as (

    select victims.event_country_code
    from victims
    group by victims.event_country_code
    having count(distinct victims.source_id) > 1

),

comparable_victims as (

    select victims.*
    from victims
    semi join countries_with_several_naming_sources
        on victims.event_country_code = countries_with_several_naming_sources.event_country_code
    where victims.victim_type = 'person' and victims.victim_name is not null and victims.is_dated

),

final as (

    select
        comparable_victims.incident_victim_id,
        comparable_victims.event_id,
        comparable_victims.source_id,
        comparable_victims.event_country_code,
        comparable_victims.event_year,
        comparable_victims.victim_name,
        name_keys.variant,
        name_keys.name_key

    from comparable_victims
    inner join name_keys
        on
            comparable_victims.country_code = name_keys.country_code
            and comparable_victims.victim_name = name_keys.victim_name

)

select * from final
