-- The name key of every named person victim that a record of another source could name too, by
-- the one rule of when two spellings are one name (macros/name_keys.sql: a name and each alias in
-- brackets are variants, each folded by ref_name_folds): int_record_links links records by it,
-- int_person_links links their persons by it.
-- Only dated victims of countries that more than one source names victims in are keyed (a large
-- register of one monitor costs a scan, not a fold of every name). One row per victim and variant.
with recursive

-- (the victims and their incidents are read where they are used, each read narrowed there: DuckDB
-- materializes a CTE read twice, every row of the join of all victims with their incidents)
countries_with_several_naming_sources as (

    select incidents.event_country_code
    from {{ ref('int_register__incident_victims') }} as register_victims
    inner join {{ ref('int_incidents__classified') }} as incidents
        on register_victims.event_id = incidents.event_id
    group by incidents.event_country_code
    having count(distinct register_victims.source_id) > 1

),

comparable_victims as (

    select
        register_victims.incident_victim_id,
        register_victims.event_id,
        register_victims.source_id,
        register_victims.victim_type,
        register_victims.victim_name,
        incidents.event_country_code,
        incidents.event_year,
        incidents.is_dated
    from {{ ref('int_register__incident_victims') }} as register_victims
    inner join {{ ref('int_incidents__classified') }} as incidents
        on register_victims.event_id = incidents.event_id
    semi join countries_with_several_naming_sources
        on incidents.event_country_code = countries_with_several_naming_sources.event_country_code
    where register_victims.victim_type = 'person' and register_victims.victim_name is not null and incidents.is_dated

),

names as (

    select
        comparable_victims.incident_victim_id as holder_id,
        comparable_victims.victim_name as holder_name
    from comparable_victims

),

-- the name rule (macros/name_keys.sql)
{{ name_key_ctes('names') }},

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
        on comparable_victims.incident_victim_id = name_keys.holder_id

)

select * from final
