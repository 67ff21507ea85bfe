-- Counting is by monitor, never by file. Two ways it could break, one row per breach:
-- - a loaded record of a vintage that a newer vintage of its monitor covers (the year is in the
--   newer vintage's coverage): the newer vintage should have superseded it;
-- - a monitor whose register rows of one country and period come from more than one vintage: CPJ
--   would then count as two sources in source_comparison and its records twice in the marts.
with

records as (

    select * from {{ monitor_records() }} as records

),

sources as (

    select * from {{ ref('dim_sources') }}

),

incidents as (

    select * from {{ ref('fct_incidents') }}

),

loaded_but_covered as (

    select
        records.source_id,
        cast(records.source_row_number as {{ dbt.type_string() }}) as record_or_cell,
        'loaded although ' || newer.source_id || ', a newer vintage of its monitor, covers '
        || cast(records.period_year as {{ dbt.type_string() }}) as problem

    from records
    inner join {{ vintage_pairs(ref('dim_sources')) }} as pairs
        on records.source_id = pairs.older_source_id
    inner join sources as newer
        on pairs.newer_source_id = newer.source_id
    where
        records.rejected_column is null
        and records.superseded_by_source_id is null
        and records.period_year between newer.first_year and newer.last_year

),

vintages_per_cell as (

    select
        sources.monitor_id as source_id,
        incidents.country_code || ' ' || cast(incidents.period_year as {{ dbt.type_string() }}) as record_or_cell,
        'the register holds this monitor''s records of one country and period from '
        || cast(count(distinct incidents.source_id) as {{ dbt.type_string() }}) || ' vintages' as problem

    from incidents
    inner join sources
        on incidents.source_id = sources.source_id
    group by sources.monitor_id, incidents.country_code, incidents.period_year
    having count(distinct incidents.source_id) > 1

),

final as (

    select * from loaded_but_covered
    union all
    select * from vintages_per_cell

)

select * from final
