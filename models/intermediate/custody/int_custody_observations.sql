-- Every monitor's state observations that load (macros/monitors.sql, monitor_observations: each
-- monitor's model in the state-observation contract, tagged state_observations), one row per
-- observation, with the monitor the source belongs to. A quarantined observation stays in its
-- monitor's model and in core.rejected_source_records. No monitor is named here.
with

observations as (

    select * from {{ monitor_observations() }} as observations
    where observations.rejected_column is null

),

sources as (

    select * from {{ ref('int_sources') }}

),

final as (

    select
        observations.*,
        sources.monitor_id

    from observations
    left join sources
        on observations.source_id = sources.source_id

)

select * from final
