-- A monitor's own figures as of each vintage of its list: the records each vintage (each file)
-- holds, by event country, event year, category and verification status, whether the vintage is
-- the one the register counts (the newest: its records load) or one a newer vintage supersedes.
-- "How many killings in a country did a monitor's list hold as of a vintage?" reads that
-- vintage's source_id here; the register and every count of the warehouse read the newest
-- vintage only. A quarantined record is in no cell (it has no country or year the warehouse can
-- place); core.rejected_source_records lists them. Records add up within one vintage,
-- never across vintages: each vintage is the same list again.
{{ config(materialized='table') }}
with

records as (

    select * from {{ monitor_records() }} as records

),

sources as (

    select * from {{ ref('int_sources') }}

),

countries as (

    select * from {{ ref('ref_countries') }}

),

final as (

    select
        sources.monitor_id,
        records.source_id,
        sources.vintage_year,
        bool_and(records.superseded_by_source_id is null) as is_counted_vintage,
        records.event_country_code,
        any_value(countries.country_name) as event_country_name,
        records.event_year,
        records.category_code,
        records.verification_status_code,
        cast(count(*) as {{ dbt.type_int() }}) as records

    from (
        select
            records.*,
            cast(year(records.event_date) as {{ dbt.type_int() }}) as event_year
        from records
        where records.rejected_column is null
    ) as records
    inner join sources
        on records.source_id = sources.source_id
    left join countries
        on records.event_country_code = countries.country_code
    group by
        sources.monitor_id,
        records.source_id,
        sources.vintage_year,
        records.event_country_code,
        records.event_year,
        records.category_code,
        records.verification_status_code

)

select * from final
