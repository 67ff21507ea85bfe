-- Every media outlet known to the warehouse: the outlets the report names (media registry)
-- and any outlet that appears only as a victim's employer or as a victim itself.
with

media_registry as (

    select * from {{ ref('int_media_registry') }}

),

appearances as (

    select * from {{ ref('int_victim_appearances') }}

),

named_outlets as (

    select
        media_registry.country_code,
        media_registry.outlet_name,
        media_registry.media_type,
        media_registry.ownership,
        media_registry.city,
        media_registry.website,
        media_registry.outlet_description,
        media_registry.registry_entry_id

    from media_registry
    where
        media_registry.record_type = 'named_outlet'
        and media_registry.outlet_name is not null

),

-- every outlet name with the load batch that gives it: the registry's (the shipped seed, batch 0)
-- and each appearance's
outlet_rows as (

    select
        named_outlets.country_code,
        named_outlets.outlet_name,
        0 as load_batch_id
    from named_outlets

    union all

    select
        appearances.country_code,
        appearances.affected_outlet_name as outlet_name,
        appearances.load_batch_id
    from appearances
    where appearances.affected_outlet_name is not null

),

-- each outlet once, with the first load batch that names it. An append adds only the outlets its
-- new batches bring: an outlet the table holds keeps its row, since what it says of the outlet
-- comes from the registry, a seed an append does not change (on Spark, whole countries again;
-- macros/incremental_scope.sql)
all_names as (

    {{ first_appearances('outlet_rows', ['country_code', 'outlet_name']) }}

),

final as (

    select
        {{ outlet_key('all_names.country_code', 'all_names.outlet_name') }} as outlet_key,
        all_names.country_code,
        all_names.outlet_name,
        coalesce(named_outlets.media_type, 'unknown') as media_type,
        coalesce(named_outlets.ownership, 'unknown') as ownership,
        named_outlets.city,
        named_outlets.website,
        named_outlets.outlet_description,
        named_outlets.registry_entry_id,
        named_outlets.registry_entry_id is not null as is_named_in_registry,
        all_names.load_batch_id

    from all_names
    left join named_outlets
        on
            all_names.country_code = named_outlets.country_code
            and all_names.outlet_name = named_outlets.outlet_name

)

select * from final
