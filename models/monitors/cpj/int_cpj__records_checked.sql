-- Every CPJ record, of every vintage, with the checks that decide whether it can be loaded, and
-- the country it is placed in:
-- - superseded: a newer vintage of the list replaces it (vintage_supersession, macros/vintages.sql).
--   CPJ's match rule: two records of consecutive vintages are the same record when their name
--   (folded: case, accents, spaces), year and country are the same, the n-th of a key with the
--   n-th; cpj__vintage_match_decisions overrides it for one record (a respelled name);
-- - quarantined: a record without a year cannot be placed in a period. Its country is its CPJ
--   country name's code (xwalk_cpj__country: ISO 3166-1, or ISO 3166-3 for a country that no longer
--   exists); a name that spans several countries is placed by the record's location instead
--   (xwalk_cpj__location_country, the location rule; written once in cpj_placement_joins and
--   cpj_placement_columns, macros/monitors/cpj.sql, which the census rows share). A record that
--   neither places is quarantined in core.rejected_source_records with the column, value and the
--   seed's basis as reason.
-- - dated: the year, and the first day of what the record states of its date (record_date, with
--   record_date_precision day, month or year, and its basis): the 2020 and 2022 exports give the
--   year; the older layout's Date and the API export's startDate give the day; a date written as
--   text (the older layout's Date "June, 1992", the API export's ambiguousStartDate) states what
--   xwalk_cpj__date_text says it states, and only in the record's own year (the older layout has
--   no year column: its year is its date's). Never a day or month the file does not state.
-- A superseded record is not quarantined (the newer vintage's record speaks for it), and none is
-- dropped. A country name, or a location of a name split by location, that the seeds do not know
-- stops the build (assert_labels_mapped); an empty country quarantines the record, an empty date
-- text leaves it dated by its year alone (empty_is_no_value).
{{ assert_labels_mapped(
    'cpj_killed_1992_2022',
    'seeds/external/cpj_killed_1992_2022/cpj_killed_1992_2022.csv',
    'stg_cpj__killed_journalists',
    'true',
    [
        {'field': 'country', 'column': 'country_name', 'seed': 'xwalk_cpj__country', 'label': 'cpj_country', 'empty_is_no_value': true},
        {
            'field': 'location', 'column': 'location_name', 'seed': 'xwalk_cpj__location_country', 'label': 'location',
            'within': {'column': 'country_name', 'label': 'cpj_country'},
        },
        {
            'field': 'Date / ambiguousStartDate', 'column': 'date_text', 'seed': 'xwalk_cpj__date_text', 'label': 'date_text',
            'empty_is_no_value': true,
        },
    ]
) }}
with

staged as (

    select * from {{ ref('stg_cpj__killed_journalists') }}

),

countries as (

    select * from {{ ref('xwalk_cpj__country') }}

),

locations as (

    select * from {{ ref('xwalk_cpj__location_country') }}

),

date_texts as (

    select * from {{ ref('xwalk_cpj__date_text') }}

),

dated as (

    select
        staged.source_id,
        staged.source_row_number,
        coalesce(staged.event_year, date_texts.event_year) as record_year,
        -- what a date written as text states counts only in the record's own year
        coalesce(date_texts.event_year = staged.event_year, true) as is_date_text_of_the_year,
        staged.stated_date,
        date_texts.event_month,
        date_texts.event_day,
        date_texts.basis as date_text_basis,
        staged.date_text

    from staged
    left join date_texts
        on {{ label_key('staged.date_text') }} = {{ label_key('date_texts.date_text') }}

),

record_dates as (

    select
        dated.source_id,
        dated.source_row_number,
        dated.record_year,
        case
            when dated.stated_date is not null then dated.stated_date
            when dated.is_date_text_of_the_year and dated.event_day is not null
                then make_date(dated.record_year, dated.event_month, dated.event_day)
            when dated.is_date_text_of_the_year and dated.event_month is not null
                then make_date(dated.record_year, dated.event_month, 1)
            when dated.record_year is not null then make_date(dated.record_year, 1, 1)
        end as record_date,
        case
            when dated.stated_date is not null then 'day'
            when dated.is_date_text_of_the_year and dated.event_day is not null then 'day'
            when dated.is_date_text_of_the_year and dated.event_month is not null then 'month'
            when dated.record_year is not null then 'year'
        end as record_date_precision,
        case
            when dated.stated_date is not null then 'the file gives the day'
            when dated.date_text is not null
                then 'the file writes the date as ''' || dated.date_text || ''' (xwalk_cpj__date_text: ' || dated.date_text_basis || ')'
            when dated.record_year is not null then 'the file gives the year only'
        end as record_date_basis

    from dated

),

-- the country names the location rule splits: their records are placed by location only
split_countries as (

    select distinct locations.cpj_country from locations

),

match_keys as (

    select
        staged.source_id,
        staged.source_row_number,
        record_dates.record_year,
        concat_ws(
            '|',
            coalesce({{ label_key('staged.full_name') }}, ''),
            coalesce(staged.year_as_published, cast(record_dates.record_year as {{ dbt.type_string() }}), ''),
            coalesce({{ label_key('staged.country_name') }}, '')
        ) as vintage_match_key

    from staged
    inner join record_dates
        on
            staged.source_id = record_dates.source_id
            and staged.source_row_number = record_dates.source_row_number

),

supersession as (

    select * from {{ vintage_supersession('match_keys', ref('cpj__source'), ref('cpj__vintage_match_decisions')) }} as supersession

),

placed as (

    select
        staged.*,
        record_dates.record_year,
        record_dates.record_date,
        record_dates.record_date_precision,
        record_dates.record_date_basis,
        {{ cpj_placement_columns() }}

    from staged
    inner join record_dates
        on
            staged.source_id = record_dates.source_id
            and staged.source_row_number = record_dates.source_row_number
    {{ cpj_placement_joins('staged') }}

),

final as (

    select
        placed.*,
        case
            when placed.full_name is null and placed.record_year is null and placed.country_name is null then 'gender'
            when placed.record_year is null then 'year'
            when placed.country_name is null then 'country'
            when placed.is_placed_by_location and placed.country_code is null then 'location'
            when placed.country_code is null then 'country'
        end as rejected_column,
        case
            when placed.full_name is null and placed.record_year is null and placed.country_name is null
                then 'empty record: no name, year or country (only gender holds a value)'
            when placed.record_year is null then 'no year: the record cannot be placed in a period'
            when placed.country_name is null then 'no country: the record cannot be placed in a country'
            when placed.is_placed_by_location and placed.country_code is null
                then placed.country_name || ', location: ' || placed.placement_basis
            when placed.country_code is null then placed.placement_basis
        end as rejection_reason

    from placed

)

-- every staged column is carried on (the model checks, it does not reshape)
select
    final.*,  -- noqa: AM04
    case final.rejected_column
        when 'gender' then final.sex_label
        when 'year' then coalesce(final.year_as_published, final.date_as_published)
        when 'country' then final.country_name
        when 'location' then coalesce(final.location_name, '(not stated)')
    end as rejected_value,
    supersession.superseded_by_source_id,
    supersession.superseded_by_row_number,
    supersession.supersession_basis
from final
left join supersession
    on
        final.source_id = supersession.source_id
        and final.source_row_number = supersession.source_row_number
