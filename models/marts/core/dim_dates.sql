-- A calendar covering every date in the data, from 1 January of the earliest year to
-- 31 December of the latest assessment period.
with

incidents as (

    select * from {{ ref('int_register__incident_events') }}

),

stages as (

    select * from {{ ref('int_register__legal_action_stages') }}

),

status_changes as (

    select * from {{ ref('stg_assessment__legal_article_status_changes') }}

),

articles as (

    select * from {{ ref('stg_assessment__legal_articles') }}

),

assessments as (

    select * from {{ ref('stg_assessment__assessment_sources') }}

),

all_dates as (

    select incidents.event_date as any_date from incidents
    union all
    select incidents.alt_event_date from incidents
    union all
    select stages.stage_date from stages
    union all
    select status_changes.change_date from status_changes
    union all
    select articles.adoption_date from articles
    union all
    select make_date(assessments.period_year, 12, 31) from assessments

),

bounds as (

    select
        make_date(year(min(all_dates.any_date)), 1, 1) as first_date,
        make_date(year(max(all_dates.any_date)), 12, 31) as last_date

    from all_dates

),

spine as (

    select {{ days_between('bounds.first_date', 'bounds.last_date') }} as date_day
    from bounds

),

final as (

    select
        spine.date_day,
        cast(year(spine.date_day) as integer) as year_number,
        cast(quarter(spine.date_day) as integer) as quarter_number,
        cast(month(spine.date_day) as integer) as month_number,
        {{ month_name('spine.date_day') }} as month_name,
        cast(date_trunc('month', spine.date_day) as date) as month_start_date,
        cast(day(spine.date_day) as integer) as day_of_month,
        cast({{ iso_day_of_week('spine.date_day') }} as integer) as iso_day_of_week,
        {{ day_name('spine.date_day') }} as day_name,
        {{ iso_day_of_week('spine.date_day') }} in (6, 7) as is_weekend

    from spine

)

select * from final
