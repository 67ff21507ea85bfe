-- A country that no longer exists (ISO 3166-3, dim_countries.is_historical) is a valid event
-- country only for an event of its time: an incident dated after the year ISO 3166-1 withdrew it
-- is in a country mapped to the wrong code. Returns each such incident.
select
    incidents.event_id,
    incidents.source_id,
    incidents.event_country_code,
    incidents.event_year,
    countries.withdrawal_date
from {{ ref('fct_incidents') }} as incidents
inner join {{ ref('dim_countries') }} as countries
    on incidents.event_country_code = countries.country_code
where
    countries.is_historical
    and incidents.event_year > countries.withdrawal_year
