-- A monitor's file holds the records its catalogue row declares (file_record_count, counted when
-- the vintage was recorded with its SHA-256): a file cut at a row boundary, with its checksum
-- updated, would otherwise lose records silently (loaded + quarantined = records in the file still
-- holds). Each row is a monitor whose file holds another number of records than declared.
with

sources as (

    select * from {{ ref('int_sources') }}

),

staged as (

    select * from {{ monitor_staged_records() }} as staged

),

staged_counts as (

    select
        staged.source_id,
        count(*) as records_in_file

    from staged
    group by staged.source_id

),

final as (

    select
        sources.source_id,
        sources.file_path,
        sources.file_record_count as declared_records,
        coalesce(staged_counts.records_in_file, 0) as records_in_file,
        'the file holds another number of records than its catalogue row declares: a file cut short, '
        || 'or a new vintage recorded without its record count' as problem

    from sources
    left join staged_counts
        on sources.source_id = staged_counts.source_id
    where
        sources.source_kind = 'monitor_export'
        and coalesce(staged_counts.records_in_file, 0) != coalesce(sources.file_record_count, -1)

)

select * from final
