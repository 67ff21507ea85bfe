-- Incidents and victims of each period by month and category, with zero rows for the months of
-- the period without incidents, and a row with an empty month for incidents dated only by year.
-- A period that a source counted there covers only in part is flagged, with the sources
-- (int_sources__years_covered_in_part).
-- In an append only the partitions the new batches change are rebuilt (macros/append_scope.sql).
{{ config(pre_hook="{{ delete_rows_to_rebuild(rewritten_rows('incidents_monthly')) }}") }}
with

incidents as (

    select * from {{ ref('fct_incidents') }}

),

victims as (

    select * from {{ ref('fct_incident_victims') }}

),

dates as (

    select * from {{ ref('dim_dates') }}

),

categories as (

    select * from {{ ref('dim_incident_categories') }}

),

countries as (

    select * from {{ ref('dim_countries') }}

),

period_incidents as (

    select * from incidents
    where
        incidents.event_year = incidents.period_year
        and {{ in_partitions_to_rebuild('incidents', incidents_monthly_partitions()) }}

),

sources_in_part as (

    select * from {{ sources_covering_in_part('period_incidents') }} as covering

),

categories_in_period as (

    select distinct
        period_incidents.country_code,
        period_incidents.period_year,
        period_incidents.category_code

    from period_incidents

),

calendar_months as (

    select distinct
        dates.year_number,
        dates.month_start_date

    from dates

),

months as (

    select
        categories_in_period.country_code,
        categories_in_period.period_year,
        categories_in_period.category_code,
        calendar_months.month_start_date

    from categories_in_period
    inner join calendar_months
        on categories_in_period.period_year = calendar_months.year_number

    union

    select distinct
        period_incidents.country_code,
        period_incidents.period_year,
        period_incidents.category_code,
        period_incidents.event_month as month_start_date

    from period_incidents
    where period_incidents.event_month is null

),

incident_counts as (

    select
        period_incidents.country_code,
        period_incidents.period_year,
        period_incidents.category_code,
        period_incidents.event_month as month_start_date,
        count(*) as incident_count

    from period_incidents
    group by all

),

victim_counts as (

    select
        victims.country_code,
        victims.period_year,
        victims.category_code,
        victims.event_month as month_start_date,
        count(*) as victim_count,
        count(*) filter (where victims.sex = 'female') as female_victim_count,
        count(*) filter (where victims.sex = 'male') as male_victim_count,
        count(*) filter (where victims.sex = 'unknown') as unknown_sex_victim_count,
        count(*) filter (where victims.sex = 'not_applicable') as not_a_person_victim_count

    from victims
    where
        victims.event_year = victims.period_year
        and {{ in_partitions_to_rebuild('victims', incidents_monthly_partitions()) }}
    group by all

),

final as (

    select
        months.country_code,
        countries.country_name,
        months.period_year,
        months.month_start_date,
        coalesce({{ format_date('months.month_start_date', 'month') }}, 'month unknown') as month_label,
        months.category_code,
        categories.category_name,
        coalesce(incident_counts.incident_count, 0) as incident_count,
        coalesce(victim_counts.victim_count, 0) as victim_count,
        coalesce(victim_counts.female_victim_count, 0) as female_victim_count,
        coalesce(victim_counts.male_victim_count, 0) as male_victim_count,
        coalesce(victim_counts.unknown_sex_victim_count, 0) as unknown_sex_victim_count,
        coalesce(victim_counts.not_a_person_victim_count, 0) as not_a_person_victim_count,
        sources_in_part.sources_covering_in_part is not null as is_covered_in_part,
        sources_in_part.sources_covering_in_part

    from months
    left join incident_counts
        on
            months.country_code = incident_counts.country_code
            and months.period_year = incident_counts.period_year
            and months.category_code = incident_counts.category_code
            and months.month_start_date is not distinct from incident_counts.month_start_date
    left join victim_counts
        on
            months.country_code = victim_counts.country_code
            and months.period_year = victim_counts.period_year
            and months.category_code = victim_counts.category_code
            and months.month_start_date is not distinct from victim_counts.month_start_date
    left join categories
        on months.category_code = categories.category_code
    left join countries
        on months.country_code = countries.country_code
    left join sources_in_part
        on
            months.country_code = sources_in_part.country_code
            and months.period_year = sources_in_part.period_year

)

select * from final
