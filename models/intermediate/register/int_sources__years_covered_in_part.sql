-- The years a monitor's file covers only in part, or not as far as is known: its first year when
-- the file starts after 1 January (first_year_in_full false) and its last year when it was exported
-- before 31 December (last_year_in_full false), and either year when the catalogue cannot say
-- (empty). A count of such a year is flagged wherever it is shown (sdg_16_10_1_periods,
-- incidents_monthly, source_comparison): the one home of the rule. An assessment report is not
-- listed: its rows belong to the period it assesses, by definition, whatever their dates.
with

sources as (

    select * from {{ ref('int_sources') }}

),

boundary_years as (

    select
        sources.source_id,
        sources.first_year as period_year,
        sources.first_year_in_full as is_in_full,
        'first' as boundary
    from sources
    where sources.source_kind = 'monitor_export'

    union all

    select
        sources.source_id,
        sources.last_year as period_year,
        sources.last_year_in_full as is_in_full,
        'last' as boundary
    from sources
    where sources.source_kind = 'monitor_export'

),

final as (

    select
        boundary_years.source_id,
        boundary_years.period_year,
        case when bool_or(boundary_years.is_in_full is null) then 'not established' else 'in part' end
            as coverage_status,
        boundary_years.source_id || ' covers ' || cast(boundary_years.period_year as {{ dbt.type_string() }})
        || case
            when bool_or(boundary_years.is_in_full is null) then ' as far as is known only in part (the catalogue cannot say)'
            when min(boundary_years.boundary) = 'first' and max(boundary_years.boundary) = 'first'
                then ' only from a later date (its first year)'
            when min(boundary_years.boundary) = 'last' then ' only to a date before 31 December (its last year)'
            else ' only in part (its first and last year)'
        end as coverage_basis

    from boundary_years
    group by boundary_years.source_id, boundary_years.period_year
    having not bool_and(coalesce(boundary_years.is_in_full, false))

)

select * from final
