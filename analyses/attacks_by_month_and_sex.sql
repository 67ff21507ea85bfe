-- Attacks on journalists (physical attacks and detentions) of each period by month and sex.
with

victims as (

    select * from {{ ref('fct_incident_victims') }}

),

final as (

    select
        victims.country_code,
        victims.period_year,
        coalesce(strftime(victims.event_month, '%Y-%m'), 'month unknown') as month_label,
        victims.sex,
        count(*) as victims

    from victims
    where
        victims.event_year = victims.period_year
        and victims.category_code in ('physical_attack', 'detention')
    group by all
    order by victims.country_code, victims.period_year, month_label, victims.sex

)

select * from final
