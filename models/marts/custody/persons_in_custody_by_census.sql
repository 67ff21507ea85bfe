-- Persons in custody on each census date, per country and census: the count users read of the
-- monitors' prison censuses (core.fct_custody_observations), computed here once. Each person is
-- counted once per census (distinct person_key); a person held for several years is in several
-- censuses, so the counts are not additive across census years. Within a cell, the persons by
-- WGAD category of their observation add up to persons_in_custody (a person has one
-- observation per census and country, tested on the fact).
with

observations as (

    select * from {{ ref('fct_custody_observations') }}

),

final as (

    select
        observations.country_code,
        observations.census_year,
        min(observations.census_date) as census_date,
        cast(count(distinct observations.person_key) as {{ dbt.type_int() }}) as persons_in_custody,
        cast(count(distinct case
            when observations.arbitrariness_category_code = 'wgad_ii_exercise_of_rights' then observations.person_key
        end) as {{ dbt.type_int() }}) as persons_wgad_ii_exercise_of_rights,
        cast(count(distinct case
            when observations.arbitrariness_category_code = 'wgad_i_no_legal_basis' then observations.person_key
        end) as {{ dbt.type_int() }}) as persons_wgad_i_no_legal_basis,
        cast(count(distinct case
            when observations.arbitrariness_category_code = 'not_established' then observations.person_key
        end) as {{ dbt.type_int() }}) as persons_category_not_established

    from observations
    group by observations.country_code, observations.census_year

)

select * from final
