-- CPJ's killed list, every vintage (one table of the cpj source per file), one row per record of
-- each file: renamed to snake_case, text trimmed with inner spaces folded and empty cells as null,
-- the year cast, and the record's vintage, position and a readable locator kept. A column a
-- vintage's layout lacks is null. Nothing is mapped or dropped here.
{%- set layout = [
    ('year', 'year_as_published'),
    ('combinedStatus', 'combined_status'),
    ('fullName', 'full_name'),
    ('sortName', 'sort_name'),
    ('primaryNationality', 'primary_nationality'),
    ('secondaryNationality', 'secondary_nationality'),
    ('tertiaryNationality', 'tertiary_nationality'),
    ('gender', 'sex_label'),
    ('type', 'victim_kind'),
    ('lastStatus', 'last_status'),
    ('typeOfDeath', 'type_of_death'),
    ('status', 'status'),
    ('employedAs', 'employed_as'),
    ('organizations', 'organizations'),
    ('jobs', 'jobs'),
    ('coverage', 'coverage'),
    ('mediums', 'mediums'),
    ('country', 'country_name'),
    ('location', 'location_name'),
    ('region', 'region'),
    ('state', 'state'),
    ('locality', 'locality'),
    ('province', 'province'),
    ('localOrForeign', 'local_or_foreign'),
    ('sourcesOfFire', 'sources_of_fire'),
    ('motiveConfirmed', 'motive_confirmed'),
    ('accountabilityCrossfire', 'accountability_crossfire'),
    ('accountabilityAssignment', 'accountability_assignment'),
    ('impunityMurder', 'impunity_murder'),
    ('tortured', 'tortured'),
    ('captive', 'captive'),
    ('threatened', 'threatened'),
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
] %}
with

source as (

    {{ vintage_records('cpj', ['killed_journalists', 'killed_journalists_2020'], layout) }}

),

renamed as (

    select
        source.*,
        try_cast(source.year_as_published as integer) as event_year

    from source

),

final as (

    select
        renamed.*,
        -- CPJ's placeholders for a name it does not know are no name: the victim is unnamed
        case
            when renamed.full_name not ilike 'unidentified%' and renamed.full_name not like '%[full name unavailable]%'
                then renamed.full_name
        end as victim_name,
        concat_ws(
            ', ',
            'row ' || renamed.source_row_number,
            renamed.full_name,
            renamed.year_as_published,
            renamed.country_name
        ) as source_record_locator

    from renamed

)

select * from final
