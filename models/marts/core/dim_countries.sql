-- Countries and territories of ISO 3166-1 (ref_countries, generated from pycountry): the names
-- pages and BI tools show beside a country code. The countries ISO 3166-3 lists as formerly used
-- (ref_historical_countries: Yugoslavia is YUCS) are here too, flagged historical: an event that
-- happened where and when one existed keeps it as its country. The codes ISO 3166-1 leaves to its
-- users (AA, QM-QZ, XA-XZ, ZZ) are no country; the synthetic benchmark register uses them, and
-- they are named as what they are, so that no page shows an empty name or a made-up country.
{%- set user_assigned = ['AA'] -%}
{%- for letter in 'MNOPQRSTUVWXYZ' -%}{%- do user_assigned.append('Q' ~ letter) -%}{%- endfor -%}
{%- for letter in 'ABCDEFGHIJKLMNOPQRSTUVWXYZ' -%}{%- do user_assigned.append('X' ~ letter) -%}{%- endfor -%}
{%- do user_assigned.append('ZZ') %}
with

countries as (

    select * from {{ ref('ref_countries') }}

),

historical_countries as (

    select * from {{ ref('ref_historical_countries') }}

),

user_assigned as (

    {% for code in user_assigned -%}
        select '{{ code }}' as country_code
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

final as (

    select
        countries.country_code,
        countries.alpha_3,
        countries.country_name,
        countries.official_name,
        false as is_historical,
        cast(null as {{ dbt.type_string() }}) as withdrawal_date,
        cast(null as {{ dbt.type_int() }}) as withdrawal_year,
        false as is_user_assigned

    from countries

    union all

    select
        historical_countries.country_code,
        historical_countries.former_alpha_3 as alpha_3,
        historical_countries.country_name,
        cast(null as {{ dbt.type_string() }}) as official_name,
        true as is_historical,
        historical_countries.withdrawal_date,
        -- ISO 3166-3 gives a date or a year only
        cast(substring(historical_countries.withdrawal_date, 1, 4) as {{ dbt.type_int() }}) as withdrawal_year,
        false as is_user_assigned

    from historical_countries

    union all

    select
        user_assigned.country_code,
        cast(null as {{ dbt.type_string() }}) as alpha_3,
        'User-assigned code ' || user_assigned.country_code || ' (no country: synthetic or test data)' as country_name,
        cast(null as {{ dbt.type_string() }}) as official_name,
        false as is_historical,
        cast(null as {{ dbt.type_string() }}) as withdrawal_date,
        cast(null as {{ dbt.type_int() }}) as withdrawal_year,
        true as is_user_assigned

    from user_assigned

)

select * from final
