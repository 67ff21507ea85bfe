-- CPJ's killed journalists 1992-2022, one row per record of the file: renamed to snake_case, text
-- trimmed with inner spaces folded and empty cells as null, the year cast, and the record's
-- position and a readable locator kept. Nothing is mapped or dropped here.
with

source as (

    select * from {{ source('cpj', 'killed_journalists') }}

),

renamed as (

    select
        'cpj_killed_1992_2022' as source_id,
        cast(source.ordinality as integer) as source_row_number,  -- noqa: RF04
        {{ clean_text('source.' ~ adapter.quote('year')) }} as year_as_published,
        {{ clean_text('source.' ~ adapter.quote('combinedStatus')) }} as combined_status,
        {{ clean_text('source.' ~ adapter.quote('fullName')) }} as full_name,
        {{ clean_text('source.' ~ adapter.quote('sortName')) }} as sort_name,
        {{ clean_text('source.' ~ adapter.quote('primaryNationality')) }} as primary_nationality,
        {{ clean_text('source.' ~ adapter.quote('secondaryNationality')) }} as secondary_nationality,
        {{ clean_text('source.' ~ adapter.quote('tertiaryNationality')) }} as tertiary_nationality,
        {{ clean_text('source.' ~ adapter.quote('gender')) }} as sex_label,
        {{ clean_text('source.' ~ adapter.quote('type')) }} as victim_kind,
        {{ clean_text('source.' ~ adapter.quote('lastStatus')) }} as last_status,
        {{ clean_text('source.' ~ adapter.quote('typeOfDeath')) }} as type_of_death,
        {{ clean_text('source.' ~ adapter.quote('status')) }} as status,
        {{ clean_text('source.' ~ adapter.quote('employedAs')) }} as employed_as,
        {{ clean_text('source.' ~ adapter.quote('organizations')) }} as organizations,
        {{ clean_text('source.' ~ adapter.quote('jobs')) }} as jobs,
        {{ clean_text('source.' ~ adapter.quote('coverage')) }} as coverage,
        {{ clean_text('source.' ~ adapter.quote('mediums')) }} as mediums,
        {{ clean_text('source.' ~ adapter.quote('country')) }} as country_name,
        {{ clean_text('source.' ~ adapter.quote('location')) }} as location_name,
        {{ clean_text('source.' ~ adapter.quote('region')) }} as region,
        {{ clean_text('source.' ~ adapter.quote('state')) }} as state,
        {{ clean_text('source.' ~ adapter.quote('locality')) }} as locality,
        {{ clean_text('source.' ~ adapter.quote('province')) }} as province,
        {{ clean_text('source.' ~ adapter.quote('localOrForeign')) }} as local_or_foreign,
        {{ clean_text('source.' ~ adapter.quote('sourcesOfFire')) }} as sources_of_fire,
        {{ clean_text('source.' ~ adapter.quote('motiveConfirmed')) }} as motive_confirmed,
        {{ clean_text('source.' ~ adapter.quote('accountabilityCrossfire')) }} as accountability_crossfire,
        {{ clean_text('source.' ~ adapter.quote('accountabilityAssignment')) }} as accountability_assignment,
        {{ clean_text('source.' ~ adapter.quote('impunityMurder')) }} as impunity_murder,
        {{ clean_text('source.' ~ adapter.quote('tortured')) }} as tortured,
        {{ clean_text('source.' ~ adapter.quote('captive')) }} as captive,
        {{ clean_text('source.' ~ adapter.quote('threatened')) }} as threatened,
        {{ clean_text('source.' ~ adapter.quote('charges')) }} as charges,
        {{ clean_text('source.' ~ adapter.quote('motive')) }} as motive,
        {{ clean_text('source.' ~ adapter.quote('lengthOfSentence')) }} as length_of_sentence,
        {{ clean_text('source.' ~ adapter.quote('healthProblems')) }} as health_problems,
        {{ clean_text('source.' ~ adapter.quote('impCountry')) }} as imp_country,
        {{ clean_text('source.' ~ adapter.quote('entry')) }} as entry,
        {{ clean_text('source.' ~ adapter.quote('sentenceDate')) }} as sentence_date,
        {{ clean_text('source.' ~ adapter.quote('sentence')) }} as sentence,
        {{ clean_text('source.' ~ adapter.quote('locationImprisoned')) }} as location_imprisoned,
        {{ clean_text('source.' ~ adapter.quote('Type of journalist')) }} as journalist_type,
        try_cast({{ clean_text('source.' ~ adapter.quote('year')) }} as integer) as event_year

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
