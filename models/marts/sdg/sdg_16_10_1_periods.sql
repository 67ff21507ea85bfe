-- The country-periods of the SDG 16.10.1 table: every country-period an assessment covers or any
-- source records an incident in, with the country's name (dim_countries), as the table shows it.
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
        periods.period_year

    from periods
    left join countries
        on periods.country_code = countries.country_code

)

select * from final
