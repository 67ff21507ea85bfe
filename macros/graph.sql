{#- The records (or persons) linked to each other directly or through others: one recursive CTE
    named `reachable` (node_key, reached_key, visited) listing, for every node of `edges` (a CTE
    or relation of from_key, to_key holding each link in both directions), every node it reaches,
    itself included. Paths never revisit a node (union all with the path carried, which both
    DuckDB and Spark recurse on; a component's nodes are few). Used by int_event_groups and
    int_person_groups, which key each component by its smallest node. The model needs `with
    recursive`. -#}
{% macro reachable_nodes(edges) -%}
reachable (node_key, reached_key, visited) as (

    select distinct
        {{ edges }}.from_key as node_key,
        {{ edges }}.from_key as reached_key,
        '|' || {{ edges }}.from_key || '|' as visited
    from {{ edges }}

    union all

    select
        reachable.node_key,
        {{ edges }}.to_key as reached_key,
        reachable.visited || {{ edges }}.to_key || '|' as visited
    from reachable
    inner join {{ edges }}
        on reachable.reached_key = {{ edges }}.from_key
    where instr(reachable.visited, '|' || {{ edges }}.to_key || '|') = 0

)
{%- endmacro %}
