-- One person across sources: the persons of each source (their key within the source,
-- source_victim_key) that int_person_links joins, directly or through others (a-b and b-c make
-- a, b and c one person), are one person, keyed by the smallest of their keys (victim_key, the
-- key every fact and dim_victims use). Persons of no link are not listed (each is its own
-- person). One row per linked person of a source.
with recursive

person_links as (

    select * from {{ ref('int_person_links') }}

),

-- each link in both directions
edges as (

    select
        person_links.source_victim_key_a as from_key,
        person_links.source_victim_key_b as to_key
    from person_links
    where person_links.source_victim_key_a != person_links.source_victim_key_b

    union

    select
        person_links.source_victim_key_b as from_key,
        person_links.source_victim_key_a as to_key
    from person_links
    where person_links.source_victim_key_a != person_links.source_victim_key_b

),

-- every person reachable from each linked person (macros/graph.sql)
{{ reachable_nodes('edges') }},

final as (

    select
        reachable.node_key as source_victim_key,
        min(reachable.reached_key) as victim_key,
        count(distinct reachable.reached_key) as linked_person_count

    from reachable
    group by reachable.node_key

)

select * from final
