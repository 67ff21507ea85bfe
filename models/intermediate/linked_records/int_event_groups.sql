-- The event group of every linked record: the records joined by int_record_links, directly or
-- through others (a chain A-B, B-C is one group A-B-C), form one event group, identified by its
-- smallest event id. Unlinked records are not listed (each is a group of its own). One row per
-- linked record.
with recursive

links as (

    select * from {{ ref('int_record_links') }}

),

-- each link in both directions
edges as (

    select
        links.event_id_a as from_event_id,
        links.event_id_b as to_event_id
    from links

    union

    select
        links.event_id_b as from_event_id,
        links.event_id_a as to_event_id
    from links

),

-- every record reachable from each linked record: paths that never revisit a record (union all
-- with the path carried, which both DuckDB and Spark recurse on; a component's records are few)
reachable (event_id, reached_event_id, visited) as (

    select distinct
        edges.from_event_id as event_id,
        edges.from_event_id as reached_event_id,
        '|' || edges.from_event_id || '|' as visited
    from edges

    union all

    select
        reachable.event_id,
        edges.to_event_id as reached_event_id,
        reachable.visited || edges.to_event_id || '|' as visited
    from reachable
    inner join edges
        on reachable.reached_event_id = edges.from_event_id
    where instr(reachable.visited, '|' || edges.to_event_id || '|') = 0

),

final as (

    select
        reachable.event_id,
        min(reachable.reached_event_id) as anchor_event_id,
        count(distinct reachable.reached_event_id) as event_group_record_count

    from reachable
    group by reachable.event_id

)

select * from final
