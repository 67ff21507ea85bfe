-- For each file of each monitor (macros/monitors.sql), the records loaded plus the records
-- superseded by a newer vintage plus the records quarantined equal the records staged from the file
-- (one per record), and each staged record is in the monitor's contract model exactly once, with
-- one disposition: loaded (with an event id), superseded or quarantined. Nothing is dropped or
-- doubled on the way. A monitor's state observations (a prison census, macros/monitors.sql) count
-- too: an observation row is loaded (with an observation id) or quarantined, in its monitor's
-- state-observation model, and a file may hold records and observations. Returns one row per
-- source (file) where that fails.
with

staged as (

    select * from {{ monitor_staged_records() }} as staged

),

monitor_records as (

    select * from {{ monitor_records() }} as records

),

observations as (

    select * from {{ monitor_observations() }} as observations

),

-- every row of the monitors' contract models, records and observations, with its disposition
records as (

    select
        monitor_records.source_id,
        monitor_records.source_row_number,
        monitor_records.rejected_column,
        monitor_records.superseded_by_source_id,
        monitor_records.event_id

    from monitor_records

    union all

    select
        observations.source_id,
        observations.source_row_number,
        observations.rejected_column,
        cast(null as {{ dbt.type_string() }}) as superseded_by_source_id,
        observations.observation_id as event_id

    from observations

),

staged_counts as (

    select
        staged.source_id,
        count(*) as staged_records
    from staged
    group by staged.source_id

),

record_counts as (

    select
        records.source_id,
        count(*) as contract_rows,
        count(*) filter (
            where records.rejected_column is null and records.superseded_by_source_id is null and records.event_id is not null
        ) as loaded,
        count(*) filter (where records.superseded_by_source_id is not null and records.rejected_column is null) as superseded,
        count(*) filter (where records.rejected_column is not null and records.superseded_by_source_id is null) as quarantined,
        count(distinct records.source_row_number) as distinct_records
    from records
    group by records.source_id

),

matched as (

    select
        staged.source_id,
        count(*) as matched_records
    from staged
    inner join records
        on
            staged.source_id = records.source_id
            and staged.source_row_number = records.source_row_number
    group by staged.source_id

),

final as (

    select
        staged_counts.source_id,
        staged_counts.staged_records,
        coalesce(record_counts.loaded, 0) as loaded,
        coalesce(record_counts.superseded, 0) as superseded,
        coalesce(record_counts.quarantined, 0) as quarantined,
        coalesce(record_counts.contract_rows, 0) as contract_rows,
        coalesce(matched.matched_records, 0) as matched_records

    from staged_counts
    left join record_counts
        on staged_counts.source_id = record_counts.source_id
    left join matched
        on staged_counts.source_id = matched.source_id
    where
        coalesce(record_counts.loaded, 0) + coalesce(record_counts.superseded, 0) + coalesce(record_counts.quarantined, 0)
        != staged_counts.staged_records
        or coalesce(record_counts.contract_rows, 0) != staged_counts.staged_records
        or coalesce(record_counts.distinct_records, 0) != staged_counts.staged_records
        or coalesce(matched.matched_records, 0) != staged_counts.staged_records

)

select * from final
