-- Which person of the warehouse's records (dim_victims: a victim or a legal action's party of any
-- source) a person in custody is: the one rule of this link, in one place. A deprivation of
-- liberty (int_deprivations_of_liberty) is the person of a record when a name its censuses give
-- and the record's name have the same name key (the one name rule, macros/name_keys.sql), the
-- country is the same, and the record's period is within record_link_year_tolerance years of a
-- census that observes the person. When the names of several persons match, none is taken: the
-- row says how many, and its victim_key stays empty. One row per deprivation with a match.
with recursive

observations as (

    select * from {{ ref('int_deprivations_of_liberty') }}

),

appearances as (

    select * from {{ ref('int_victim_appearances') }}

),

deprivations as (

    select
        observations.deprivation_id,
        observations.country_code,
        observations.person_name,
        min(observations.census_year) as first_census_year,
        max(observations.census_year) as last_census_year

    from observations
    where observations.person_name is not null
    group by observations.deprivation_id, observations.country_code, observations.person_name

),

-- named persons of the countries someone is in custody in
named_persons as (

    select distinct
        appearances.victim_key,
        appearances.country_code,
        appearances.victim_name,
        appearances.period_year

    from appearances
    semi join deprivations
        on appearances.country_code = deprivations.country_code
    where appearances.victim_type = 'person' and appearances.victim_name is not null

),

names as (

    select
        deprivations.person_name as holder_id,
        deprivations.person_name as holder_name
    from deprivations

    union

    select
        named_persons.victim_name as holder_id,
        named_persons.victim_name as holder_name
    from named_persons

),

-- the name rule (macros/name_keys.sql)
{{ name_key_ctes('names') }},

candidates as (

    select distinct
        deprivations.deprivation_id,
        deprivations.country_code,
        deprivations.first_census_year,
        deprivations.last_census_year,
        named_persons.victim_key,
        named_persons.period_year,
        keys_in_custody.name_key

    from deprivations
    inner join name_keys as keys_in_custody
        on deprivations.person_name = keys_in_custody.holder_id
    inner join named_persons
        on
            deprivations.country_code = named_persons.country_code
            and named_persons.period_year
            between deprivations.first_census_year - {{ var('record_link_year_tolerance') }}
            and deprivations.last_census_year + {{ var('record_link_year_tolerance') }}
    inner join name_keys as keys_named
        on
            named_persons.victim_name = keys_named.holder_id
            and keys_in_custody.name_key = keys_named.name_key

),

final as (

    select
        candidates.deprivation_id,
        case when count(distinct candidates.victim_key) = 1 then min(candidates.victim_key) end as victim_key,
        cast(count(distinct candidates.victim_key) as {{ dbt.type_int() }}) as matching_person_count,
        concat(
            'name key ', min(candidates.name_key),
            ', country ', min(candidates.country_code),
            ', in custody at the censuses of ', cast(min(candidates.first_census_year) as {{ dbt.type_string() }}),
            '-', cast(max(candidates.last_census_year) as {{ dbt.type_string() }}),
            ', named in the periods ', cast(min(candidates.period_year) as {{ dbt.type_string() }}),
            '-', cast(max(candidates.period_year) as {{ dbt.type_string() }})
        ) as person_link_basis

    from candidates
    group by candidates.deprivation_id

)

select * from final
