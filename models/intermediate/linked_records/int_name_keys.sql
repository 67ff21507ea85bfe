-- The name key of each named person of the register, by the one rule of when two spellings are one
-- name (macros/name_keys.sql): each country's names once (int_person_names__sex holds each with the
-- first load batch that names it), one row per name and variant. int_victim_name_keys keys the
-- records' victims by it and int_custody_person_links the persons a census may name, so that a
-- name is folded once, not once per appearance.
-- Built by load batch: an append folds only the names its batches bring, since a name's key
-- follows from the name and ref_name_folds alone, which an append does not change (on Spark the
-- countries of those names again; macros/incremental_scope.sql).
with recursive

person_names as (

    select * from {{ ref('int_person_names__sex') }}

),

names_to_fold as (

    select
        person_names.country_code,
        person_names.victim_name,
        person_names.load_batch_id
    from person_names
    {%- if is_incremental() %}
    where {{ rows_to_rebuild('person_names', 'person_names.load_batch_id > ' ~ load_batch_watermark()) }}
    {%- endif %}

),

names as (

    select distinct
        names_to_fold.victim_name as holder_id,
        names_to_fold.victim_name as holder_name
    from names_to_fold

),

-- the name rule (macros/name_keys.sql)
{{ name_key_ctes('names') }},

final as (

    select
        names_to_fold.country_code,
        names_to_fold.victim_name,
        name_keys.variant,
        name_keys.name_key,
        names_to_fold.load_batch_id

    from names_to_fold
    inner join name_keys
        on names_to_fold.victim_name = name_keys.holder_id

)

select * from final
