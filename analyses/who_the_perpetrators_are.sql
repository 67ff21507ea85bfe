-- Who the perpetrators are: incidents of each period by perpetrator type and SDG 16.10.1
-- perpetrator status, with the victims they affected.
with

incidents as (

    select * from {{ ref('fct_incidents') }}

),

final as (

    select
        incidents.country_code,
        incidents.period_year,
        incidents.sdg_perpetrator_status,
        incidents.perpetrator_type_code,
        count(*) as incidents,
        sum(incidents.victim_count) as victims

    from incidents
    where incidents.event_year = incidents.period_year
    group by all
    order by incidents.country_code asc, incidents.period_year asc, incidents desc

)

select * from final
