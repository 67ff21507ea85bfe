-- The one rule of what is one deprivation of liberty (doc block deprivation_rule), applied to
-- every loaded state observation, one row per observation with the deprivation it belongs to:
-- the observations of one person (the monitor's person_key) in one country, in census order,
-- form one deprivation as long as each follows the previous one by no more than the monitor's
-- census interval (census_interval_years: for a yearly census, consecutive census years);
-- a census missed (a longer gap) ends it, and the next observation starts a new deprivation.
-- The deprivation's id is its person_key, country and first census year. Its start date is
-- the monitor's (deprivation_start_date), never the first census date.
with

observations as (

    select * from {{ ref('int_custody_observations') }}

),

ordered as (

    select
        observations.*,
        lag(observations.census_year) over (
            partition by observations.person_key, observations.country_code
            order by observations.census_year, observations.source_id, observations.source_row_number
        ) as previous_census_year

    from observations

),

flagged as (

    select
        ordered.*,
        case
            when ordered.previous_census_year is null then 1
            when ordered.census_year - ordered.previous_census_year > ordered.census_interval_years then 1
            else 0
        end as starts_deprivation

    from ordered

),

numbered as (

    select
        flagged.*,
        sum(flagged.starts_deprivation) over (
            partition by flagged.person_key, flagged.country_code
            order by flagged.census_year, flagged.source_id, flagged.source_row_number
            rows between unbounded preceding and current row
        ) as deprivation_number

    from flagged

),

final as (

    select
        numbered.*,
        numbered.person_key || '|' || numbered.country_code || '|' || cast(
            min(numbered.census_year) over (
                partition by numbered.person_key, numbered.country_code, numbered.deprivation_number
            ) as {{ dbt.type_string() }}
        ) as deprivation_id

    from numbered

)

select * from final  -- noqa: AM04
