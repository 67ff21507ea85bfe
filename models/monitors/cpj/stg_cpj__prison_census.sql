-- CPJ's prison census, as the 2020 cleaned copy gives it (seeds/external/cpj_killed_imprisoned_1992_2020/):
-- its rows with status Imprisoned (cpj_is_census_row, macros/monitors/cpj.sql; every other row of
-- the file is staged by stg_cpj__killed_journalists), one row per person and census year, as
-- published. A census row says the journalist was in custody on 1 December of the census year
-- (`Year`; CPJ's census date, as the file's README in seeds/external states). Renamed to
-- snake_case, text cleaned (clean_text), the census year cast, and the row's position and a
-- readable locator (row, name, census year, country) kept. Nothing is mapped or dropped here.
{%- set layout = [
    ('Year', 'census_year_as_published'),
    ('fullName', 'full_name'),
    ('country', 'country_name'),
    ('location', 'location_name'),
    ('locationImprisoned', 'location_imprisoned'),
    ('charges', 'charges'),
    ('sentence', 'sentence'),
    ('lengthOfSentence', 'length_of_sentence'),
    ('gender', 'sex_label'),
    ('type', 'victim_kind'),
    ('status', 'status'),
    ('employedAs', 'employed_as'),
    ('organizations', 'organizations'),
    ('jobs', 'jobs'),
    ('coverage', 'coverage'),
    ('mediums', 'mediums'),
    ('primaryNationality', 'primary_nationality'),
    ('localOrForeign', 'local_or_foreign'),
    ('impCountry', 'imp_country'),
] %}
with

source as (

    select cleaned_copy.*
    from (
        {{ vintage_records('cpj', ['killed_and_imprisoned_2020_cleaned'], layout) }}
    ) as cleaned_copy
    where {{ cpj_is_census_row('cleaned_copy.status') }}

),

final as (

    select
        source.*,
        try_cast(source.census_year_as_published as integer) as census_year,
        concat_ws(
            ', ',
            'row ' || source.source_row_number,
            source.full_name,
            source.census_year_as_published,
            source.country_name
        ) as source_record_locator

    from source

)

select * from final
