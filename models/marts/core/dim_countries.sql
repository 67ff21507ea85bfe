-- Countries and territories of ISO 3166-1 (ref_countries, generated from pycountry): the names
-- pages and BI tools show beside a country code.
with

countries as (

    select * from {{ ref('ref_countries') }}

),

final as (

    select
        countries.country_code,
        countries.alpha_3,
        countries.country_name,
        countries.official_name

    from countries

)

select * from final
