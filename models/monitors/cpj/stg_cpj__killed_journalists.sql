-- CPJ's killed list, every vintage (one table of the cpj source per file), one row per record of
-- each file: renamed to snake_case, text trimmed with inner spaces folded and empty cells as null,
-- the year and the date cast, and the record's vintage, position and a readable locator kept. A
-- column a vintage's layout lacks is null. Nothing is mapped or dropped here.
-- Three layouts (vintage_records reads each column under the name its layout gives it):
-- - the 2020 and 2022 exports (camelCase: year, fullName, combinedStatus, type, ...);
-- - the 2018 API export: the same names, with coverages, impunity, startDate (m/d/yy) and
--   ambiguousStartDate (free text where CPJ does not know the day: startDate then holds a
--   placeholder, not read);
-- - the older download layout (to May 2017, title case): Name, Sex, Country_killed, ...; its one
--   Type cell ("Motive Confirmed", "Motive Unconfirmed", "Media Workers") is read as both
--   combined_status and victim_kind (the seeds map each label for each), and its Date is written
--   out ("October 22, 2016"), its year the date's;
-- - the 2020 cleaned copy (a third party's edit of CPJ's download, killed list and prison census
--   in one file): Year, and motiveConfirmed for combined_status (it has no combinedStatus). Its
--   prison-census rows (cpj_is_census_row, macros/monitors/cpj.sql) are staged by
--   stg_cpj__prison_census, not here: each row of the file is staged once, by one of the two.
{%- set layout = [
    (['year', 'Year'], 'year_as_published'),
    (['combinedStatus', 'Type', 'motiveConfirmed'], 'combined_status'),
    (['fullName', 'Name'], 'full_name'),
    ('sortName', 'sort_name'),
    (['primaryNationality', 'Nationality'], 'primary_nationality'),
    ('secondaryNationality', 'secondary_nationality'),
    ('tertiaryNationality', 'tertiary_nationality'),
    (['gender', 'Sex'], 'sex_label'),
    (['type', 'Type'], 'victim_kind'),
    ('lastStatus', 'last_status'),
    (['typeOfDeath', 'Type_death'], 'type_of_death'),
    ('status', 'status'),
    ('employedAs', 'employed_as'),
    (['organizations', 'Organization'], 'organizations'),
    (['jobs', 'Job'], 'jobs'),
    (['coverage', 'coverages', 'Coverage'], 'coverage'),
    (['mediums', 'Medium'], 'mediums'),
    (['country', 'Country_killed'], 'country_name'),
    ('location', 'location_name'),
    ('region', 'region'),
    ('state', 'state'),
    ('locality', 'locality'),
    ('province', 'province'),
    (['localOrForeign', 'Local_Foreign'], 'local_or_foreign'),
    (['sourcesOfFire', 'Source_fire'], 'sources_of_fire'),
    ('motiveConfirmed', 'motive_confirmed'),
    ('accountabilityCrossfire', 'accountability_crossfire'),
    ('accountabilityAssignment', 'accountability_assignment'),
    (['impunityMurder', 'impunity', 'Impunity_for_murder'], 'impunity_murder'),
    (['tortured', 'Tortured'], 'tortured'),
    (['captive', 'Taken_captive'], 'captive'),
    (['threatened', 'Threatened'], 'threatened'),
    ('charges', 'charges'),
    ('motive', 'motive'),
    ('lengthOfSentence', 'length_of_sentence'),
    ('healthProblems', 'health_problems'),
    ('impCountry', 'imp_country'),
    ('entry', 'entry'),
    ('sentenceDate', 'sentence_date'),
    ('sentence', 'sentence'),
    ('locationImprisoned', 'location_imprisoned'),
    ('Type of journalist', 'journalist_type'),
    ('Freelance', 'freelance'),
    (['startDate', 'Date'], 'date_as_published'),
    ('ambiguousStartDate', 'ambiguous_date_as_published'),
    ('id', 'cpj_record_id'),
] %}
with

source as (

    {{ vintage_records(
        'cpj', ['killed_journalists', 'killed_journalists_2020', 'killed_journalists_2018_api', 'killed_journalists_2017_legacy'], layout
    ) }}
    union all
    select cleaned_copy.*
    from (
        {{ vintage_records('cpj', ['killed_and_imprisoned_2020_cleaned'], layout) }}
    ) as cleaned_copy
    where not {{ cpj_is_census_row('cleaned_copy.status') }}

),

-- the date a record states as a day: the older layout's written-out Date; the API export's
-- startDate (m/d/yy, its century the record's year's) when ambiguousStartDate is empty
parsed as (

    select
        source.*,
        try_cast(source.year_as_published as integer) as year_as_cast,
        coalesce(
            {{ try_parse_month_day_year('source.date_as_published') }},
            case
                when
                    source.ambiguous_date_as_published is null
                    and split_part(source.date_as_published, '/', 3) = right(source.year_as_published, 2)
                    then make_date(
                        try_cast(source.year_as_published as integer),
                        try_cast(split_part(source.date_as_published, '/', 1) as integer),
                        try_cast(split_part(source.date_as_published, '/', 2) as integer)
                    )
            end
        ) as stated_date

    from source

),

renamed as (

    select
        {{ star_except('parsed', ['year_as_cast']) }},
        coalesce(parsed.year_as_cast, cast(year(parsed.stated_date) as {{ dbt.type_int() }})) as event_year,
        -- a date written as text that is not a day ("June, 1992", "Unknown in 2013"): what it
        -- states is read through xwalk_cpj__date_text in int_cpj__records_checked
        coalesce(
            parsed.ambiguous_date_as_published,
            case when parsed.stated_date is null then parsed.date_as_published end
        ) as date_text

    from parsed

),

-- the records whose name is one of CPJ's placeholders for a name it does not know (a seed)
placeholder_names as (

    select distinct
        renamed.source_id,
        renamed.source_row_number

    from renamed
    inner join {{ ref('cpj__name_placeholders') }} as placeholders
        on renamed.full_name ilike placeholders.name_pattern

),

final as (

    select
        renamed.*,
        -- a placeholder is no name: the victim is unnamed
        case when placeholder_names.source_row_number is null then renamed.full_name end as victim_name,
        concat_ws(
            ', ',
            'row ' || renamed.source_row_number,
            renamed.full_name,
            coalesce(renamed.year_as_published, renamed.date_as_published),
            renamed.country_name
        ) as source_record_locator

    from renamed
    left join placeholder_names
        on
            renamed.source_id = placeholder_names.source_id
            and renamed.source_row_number = placeholder_names.source_row_number

)

select * from final
