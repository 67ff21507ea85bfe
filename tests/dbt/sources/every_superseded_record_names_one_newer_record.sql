-- A superseded record names its newer record (or none: removed) in the vintage that supersedes
-- its file, that record exists, and no newer record stands for two older ones of one older
-- vintage (a match rule or a decision that joined two records into one would lose a record from
-- the count; a newer vintage that supersedes several older ones holds one record for the same
-- event in each). One row per breach.
with

records as (

    select * from {{ monitor_records() }} as records

),

superseded as (

    select
        records.source_id,
        records.source_row_number,
        records.superseded_by_source_id,
        records.superseded_by_row_number

    from records
    where records.superseded_by_source_id is not null

),

not_the_next_vintage as (

    select
        superseded.source_id,
        superseded.source_row_number,
        'superseded by ' || superseded.superseded_by_source_id || ', which does not supersede its file' as problem

    from superseded
    left join {{ vintage_pairs(ref('int_sources')) }} as pairs
        on
            superseded.superseded_by_source_id = pairs.newer_source_id
            and superseded.source_id = pairs.older_source_id
    where pairs.newer_source_id is null

),

no_such_record as (

    select
        superseded.source_id,
        superseded.source_row_number,
        'its newer record (row ' || cast(superseded.superseded_by_row_number as {{ dbt.type_string() }})
        || ') is not in ' || superseded.superseded_by_source_id as problem

    from superseded
    left join records as newer
        on
            superseded.superseded_by_source_id = newer.source_id
            and superseded.superseded_by_row_number = newer.source_row_number
    where superseded.superseded_by_row_number is not null and newer.source_id is null

),

one_for_two as (

    select
        superseded.source_id,
        min(superseded.source_row_number) as source_row_number,
        'row ' || cast(superseded.superseded_by_row_number as {{ dbt.type_string() }}) || ' of '
        || superseded.superseded_by_source_id || ' stands for ' || cast(count(*) as {{ dbt.type_string() }})
        || ' records of ' || superseded.source_id as problem

    from superseded
    where superseded.superseded_by_row_number is not null
    group by superseded.source_id, superseded.superseded_by_source_id, superseded.superseded_by_row_number
    having count(*) > 1

),

final as (

    select * from not_the_next_vintage
    union all
    select * from no_such_record
    union all
    select * from one_for_two

)

select * from final
