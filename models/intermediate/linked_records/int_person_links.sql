-- Which person victims of two linked records are one person: the rule of who is one person
-- across sources, in one place. The person victims of two records that int_record_links links
-- (either kind) are one person when
--   1. name: they have the same name key (int_victim_name_keys; the name rule of the link), or
--   2. only victims: each is the only person victim of its record (a link by name, place or
--      decision between two records of one victim each says that they tell of the same victim).
-- A record of one unnamed victim linked to a record of several (part_of, by place or decision)
-- says that its victim is one of the several, not which one: no person link is made, and the two
-- records stay linked in int_record_links. Each victim's person key within its source
-- (macros/keys.sql: victim_identity, victim_key) is carried for int_person_groups, which joins
-- the persons of several sources into one. One row per pair of victims.
with

links as (

    select * from {{ ref('int_record_links') }}

),

name_keys as (

    select * from {{ ref('int_victim_name_keys') }}

),

register_victims as (

    select * from {{ ref('int_register__incident_victims') }}

),

person_victims as (

    select
        register_victims.incident_victim_id,
        register_victims.event_id,
        {{ victim_key(
            'register_victims.country_code',
            'register_victims.victim_type',
            'register_victims.victim_identity',
            'register_victims.incident_victim_id',
        ) }} as source_victim_key,
        count(*) over (partition by register_victims.event_id) as person_victim_count

    from register_victims
    where
        register_victims.victim_type = 'person'
        -- the victims of linked records only (all of each such record's, for the count)
        and register_victims.event_id in (
            select links.event_id_a from links
            union
            select links.event_id_b from links
        )

),

by_name as (

    select distinct
        links.event_id_a,
        links.event_id_b,
        keys_a.incident_victim_id as incident_victim_id_a,
        keys_b.incident_victim_id as incident_victim_id_b,
        'name key ' || keys_a.name_key as person_link_basis

    from links
    inner join name_keys as keys_a
        on links.event_id_a = keys_a.event_id
    inner join name_keys as keys_b
        on
            links.event_id_b = keys_b.event_id
            and keys_a.name_key = keys_b.name_key

),

by_only_victims as (

    select
        links.event_id_a,
        links.event_id_b,
        victims_a.incident_victim_id as incident_victim_id_a,
        victims_b.incident_victim_id as incident_victim_id_b,
        'the only person victim of both linked records' as person_link_basis

    from links
    inner join person_victims as victims_a
        on links.event_id_a = victims_a.event_id
    inner join person_victims as victims_b
        on links.event_id_b = victims_b.event_id
    where victims_a.person_victim_count = 1 and victims_b.person_victim_count = 1

),

pairs as (

    select * from by_name
    union all
    select * from by_only_victims

),

final as (

    select
        pairs.incident_victim_id_a,
        pairs.incident_victim_id_b,
        pairs.event_id_a,
        pairs.event_id_b,
        victims_a.source_victim_key as source_victim_key_a,
        victims_b.source_victim_key as source_victim_key_b,
        {{ dbt.listagg('pairs.person_link_basis', "'; '", 'order by pairs.person_link_basis') }} as person_link_basis,
        min(links.link_basis) as record_link_basis

    from pairs
    inner join person_victims as victims_a
        on pairs.incident_victim_id_a = victims_a.incident_victim_id
    inner join person_victims as victims_b
        on pairs.incident_victim_id_b = victims_b.incident_victim_id
    inner join links
        on
            pairs.event_id_a = links.event_id_a
            and pairs.event_id_b = links.event_id_b
    group by
        pairs.incident_victim_id_a,
        pairs.incident_victim_id_b,
        pairs.event_id_a,
        pairs.event_id_b,
        victims_a.source_victim_key,
        victims_b.source_victim_key

)

select * from final
