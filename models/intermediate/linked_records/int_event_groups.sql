-- The event group of every linked record: the records joined by int_record_links' 'same_event'
-- links, directly or through others (a chain A-B, B-C is one group A-B-C), form one event group,
-- identified by its smallest event id. A 'part_of' link (a record with one person victim and a
-- record with several: int_record_links, rule 3) joins no groups: the single-victim record stays a
-- group of its own (or of its same-event records), and every record of that group names the group
-- of the whole it is one victim of (part_of_anchor_event_id). So two distinct victims are never one
-- group merely because one record lists both. A same-event group holds only records of one victim,
-- or only records of several. Unlinked records are not listed (each is a group of its own). One
-- row per linked record.
with recursive

links as (

    select * from {{ ref('int_record_links') }}

),

same_event_links as (

    select
        links.event_id_a,
        links.event_id_b
    from links
    where links.link_kind = 'same_event'

),

-- each same-event link in both directions
edges as (

    select
        same_event_links.event_id_a as from_key,
        same_event_links.event_id_b as to_key
    from same_event_links

    union

    select
        same_event_links.event_id_b as from_key,
        same_event_links.event_id_a as to_key
    from same_event_links

),

-- every record reachable from each linked record (macros/graph.sql)
{{ reachable_nodes('edges') }},

same_event_groups as (

    select
        reachable.node_key as event_id,
        min(reachable.reached_key) as anchor_event_id,
        count(distinct reachable.reached_key) as event_group_record_count

    from reachable
    group by reachable.node_key

),

-- every record of any link, 'part_of' links included
linked_records as (

    select links.event_id_a as event_id from links
    union
    select links.event_id_b as event_id from links

),

-- the group of the single-victim record of each 'part_of' link, and the group of its whole
parts as (

    select
        coalesce(
            part_groups.anchor_event_id,
            case when links.whole_event_id = links.event_id_a then links.event_id_b else links.event_id_a end
        ) as anchor_event_id,
        coalesce(whole_groups.anchor_event_id, links.whole_event_id) as whole_anchor_event_id

    from links
    left join same_event_groups as part_groups
        on
            part_groups.event_id
            = case when links.whole_event_id = links.event_id_a then links.event_id_b else links.event_id_a end
    left join same_event_groups as whole_groups
        on links.whole_event_id = whole_groups.event_id
    where links.link_kind = 'part_of'

),

part_of_group as (

    select
        parts.anchor_event_id,
        min(parts.whole_anchor_event_id) as part_of_anchor_event_id

    from parts
    group by parts.anchor_event_id

),

records as (

    select
        linked_records.event_id,
        coalesce(same_event_groups.anchor_event_id, linked_records.event_id) as anchor_event_id,
        coalesce(same_event_groups.event_group_record_count, 1) as event_group_record_count

    from linked_records
    left join same_event_groups
        on linked_records.event_id = same_event_groups.event_id

),

final as (

    select
        records.event_id,
        records.anchor_event_id,
        records.event_group_record_count,
        part_of_group.part_of_anchor_event_id

    from records
    left join part_of_group
        on records.anchor_event_id = part_of_group.anchor_event_id

)

select * from final
