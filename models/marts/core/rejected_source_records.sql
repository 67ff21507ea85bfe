-- Records of the monitors' exports that could not be loaded, one row each, with the column,
-- value and reason: quarantined, never dropped. Read from every monitor's records in the
-- monitor-record contract and every monitor's state observations in the state-observation
-- contract (macros/monitors.sql). For each source, the records loaded plus the
-- records here equal the records in its file (tested).
with

monitor_records as (

    select * from {{ monitor_records() }} as records
    where records.rejected_column is not null

),

monitor_observations as (

    select * from {{ monitor_observations() }} as observations
    where observations.rejected_column is not null

),

final as (

    select
        monitor_records.source_id,
        monitor_records.source_row_number,
        monitor_records.source_record_locator,
        monitor_records.rejected_column as column_name,
        monitor_records.rejected_value as offending_value,
        monitor_records.rejection_reason

    from monitor_records

    union all

    select
        monitor_observations.source_id,
        monitor_observations.source_row_number,
        monitor_observations.source_record_locator,
        monitor_observations.rejected_column as column_name,
        monitor_observations.rejected_value as offending_value,
        monitor_observations.rejection_reason

    from monitor_observations

)

select * from final
