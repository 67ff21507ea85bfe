-- The supersession graph of every monitor's vintages (supersedes_source_id, a ';'-separated list,
-- read by vintage_pairs in macros/vintages.sql). One row per breach:
-- - an older vintage superseded by more than one newer vintage (its records would have two
--   newer records, and be counted by neither or twice);
-- - a listed vintage that is not in the catalogue, or of another monitor, or the vintage itself;
-- - a vintage with a declared scope (its source table's meta.scope: it holds only part of the
--   list) that supersedes another: its narrower list would make the older vintage's records
--   outside the scope look removed.
with

sources as (

    select * from {{ ref('int_sources') }}

),

pairs as (

    select * from {{ vintage_pairs(ref('int_sources')) }} as pairs

),

scopes as (

    select * from {{ vintage_scopes() }} as scopes

),

superseded_twice as (

    select
        pairs.older_source_id as source_id,
        'superseded by ' || cast(count(*) as {{ dbt.type_string() }}) || ' newer vintages' as problem

    from pairs
    group by pairs.older_source_id
    having count(*) > 1

),

not_an_older_vintage as (

    select
        pairs.newer_source_id as source_id,
        'supersedes ' || pairs.older_source_id || ', which is not an older vintage of its monitor in the catalogue' as problem

    from pairs
    inner join sources as newer
        on pairs.newer_source_id = newer.source_id
    left join sources as older
        on
            pairs.older_source_id = older.source_id
            and newer.monitor_id = older.monitor_id
            and pairs.older_source_id != pairs.newer_source_id
    where older.source_id is null

),

scoped_supersedes as (

    select
        pairs.newer_source_id as source_id,
        'has a declared scope (' || scopes.scope_basis || ') and supersedes ' || pairs.older_source_id as problem

    from pairs
    inner join scopes
        on pairs.newer_source_id = scopes.source_id

),

final as (

    select * from superseded_twice
    union all
    select * from not_an_older_vintage
    union all
    select * from scoped_supersedes

)

select * from final
