-- The charge labels of each CPJ prison-census observation, as listed, one row per label: CPJ's
-- charges cell split at its commas (split_to_rows, the same on DuckDB and Spark), each part
-- cleaned (clean_text); an empty cell is one 'not stated' row. Nothing is mapped here:
-- int_cpj__custody_charges maps each label, and stops the build on a label no seed knows.
with

observations as (

    select * from {{ ref('stg_cpj__prison_census') }}

),

final as (

    select
        observations.source_id,
        observations.source_row_number,
        coalesce({{ clean_text('listed.charge_part') }}, 'not stated') as charge_label

    from observations
    {{ split_to_rows("coalesce(observations.charges, 'not stated')", ',', 'listed', 'charge_part') }}

)

select * from final
