-- A figure marked as a repeat (the executive summary restating A1, say) states the same metric,
-- value and reference year as the occurrence it repeats, and that occurrence is not itself a
-- repeat. Returns one row per mismatch.
with

statistics as (

    select * from {{ ref('fct_reported_statistics') }}

),

final as (

    select
        repeats.figure_id,
        repeats.repeat_of_figure_id,
        repeats.metric,
        originals.metric as original_metric,
        repeats.figure_value,
        originals.figure_value as original_value

    from statistics as repeats
    inner join statistics as originals
        on repeats.repeat_of_figure_id = originals.figure_id
    where
        repeats.metric != originals.metric
        or repeats.figure_value != originals.figure_value
        or coalesce(repeats.reference_year, -1) != coalesce(originals.reference_year, -1)
        or originals.is_repeat

)

select * from final
