-- The country-periods of the SDG 16.10.1 table: every country-period an assessment covers or any
-- source records an incident in, with the country's name (dim_countries), as the table shows it,
-- and whether a source counted there covers the year only in part (int_sources__years_covered_in_part:
-- a monitor's export taken before the year ended, or starting after 1 January).
with

assessments as (

    select * from {{ ref('stg_assessment__assessment_sources') }}

),

incidents as (

    select * from {{ ref('fct_incidents') }}

),

countries as (

    select * from {{ ref('dim_countries') }}

),

sources_in_part as (

    select * from {{ sources_covering_in_part('incidents') }} as covering

),

periods as (

    select
        assessments.country_code,
        assessments.period_year
    from assessments

    union

    select
        incidents.country_code,
        incidents.period_year
    from incidents

),

final as (

    select
        periods.country_code,
        countries.country_name,
        periods.period_year,
        sources_in_part.sources_covering_in_part is not null as is_covered_in_part,
        sources_in_part.sources_covering_in_part

    from periods
    left join countries
        on periods.country_code = countries.country_code
    left join sources_in_part
        on
            periods.country_code = sources_in_part.country_code
            and periods.period_year = sources_in_part.period_year

)

select * from final
