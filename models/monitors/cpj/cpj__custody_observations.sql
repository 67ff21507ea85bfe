-- CPJ's prison census at the end of its pipeline: every census row of the 2020 cleaned copy in
-- the state-observation contract (macros/monitors.sql, monitor_observation_columns), one row
-- each. A census row is not an event: it observes that one journalist was in custody on the
-- census date. The deprivations of liberty are formed from these observations centrally
-- (int_deprivations_of_liberty); this model states, per observation:
-- - the person (person_key): CPJ's census names a journalist once per census year, and the same
--   person is the same name folded (label_key: case, accents and runs of spaces), the monitor's
--   rule for one person in its census; "Ayşe Oyman" and "Ayse Oyman" are one person;
-- - the census date: 1 December of the census year (`Year`), CPJ's census date (the file's
--   README, seeds/external/cpj_killed_imprisoned_1992_2020/README.md); a census every year
--   (census_interval_years 1);
-- - the start of the deprivation: not stated in the file (the row gives the census year only,
--   not the day of arrest): stored as unknown, never inferred from the first census;
-- - the country: its CPJ country name's code (xwalk_cpj__country); a name the location rule splits
--   (xwalk_cpj__location_country) is placed by the row's location: CPJ's one country rule
--   (cpj_placement_joins, macros/monitors/cpj.sql), shared with the killed list's records; a row
--   that does not place is quarantined with the reason;
-- - the WGAD category its charges state (int_cpj__custody_charges: the chosen label).
-- An empty or unmapped label (country, location, sex, type) stops the build (assert_labels_mapped).
{{ assert_labels_mapped(
    'cpj_killed_imprisoned_1992_2020',
    'seeds/external/cpj_killed_imprisoned_1992_2020/Cleaned_Dataset.csv',
    'stg_cpj__prison_census',
    'true',
    [
        {'field': 'country', 'column': 'country_name', 'seed': 'xwalk_cpj__country', 'label': 'cpj_country'},
        {
            'field': 'location', 'column': 'location_name', 'seed': 'xwalk_cpj__location_country', 'label': 'location',
            'missing': '(not stated)', 'within': {'column': 'country_name', 'label': 'cpj_country'},
        },
        {'field': 'gender', 'column': 'sex_label', 'seed': 'xwalk_cpj__sex', 'missing': '(not stated)'},
        {'field': 'type', 'column': 'victim_kind', 'seed': 'xwalk_cpj__victim_kind'},
    ]
) }}
with

observations as (

    select * from {{ ref('stg_cpj__prison_census') }}

),

charges as (

    select * from {{ ref('int_cpj__custody_charges') }}

),

countries as (

    select * from {{ ref('xwalk_cpj__country') }}

),

locations as (

    select * from {{ ref('xwalk_cpj__location_country') }}

),

sexes as (

    select * from {{ ref('xwalk_cpj__sex') }}

),

kinds as (

    select * from {{ ref('xwalk_cpj__victim_kind') }}

),

split_countries as (

    select distinct locations.cpj_country from locations

),

charge_lists as (

    select
        charges.source_id,
        charges.source_row_number,
        {{ dbt.listagg('charges.charge_label', "'; '", 'order by charges.charge_label') }} as charge_labels

    from charges
    group by charges.source_id, charges.source_row_number

),

chosen_charges as (

    select * from charges
    where charges.is_chosen

),

placed as (

    select
        observations.*,
        {{ cpj_placement_columns() }}

    from observations
    {{ cpj_placement_joins('observations') }}

),

checked as (

    select
        placed.*,
        case
            when placed.full_name is null then 'fullName'
            when placed.census_year is null then 'Year'
            when placed.country_name is null then 'country'
            when placed.is_placed_by_location and placed.country_code is null then 'location'
            when placed.country_code is null then 'country'
        end as rejected_column,
        case
            when placed.full_name is null then 'no name: the observation cannot be tied to a person'
            when placed.census_year is null then 'no census year: the observation has no census date'
            when placed.country_name is null then 'no country: the observation cannot be placed in a country'
            when placed.is_placed_by_location and placed.country_code is null
                then
                    placed.country_name || ': the location rule (xwalk_cpj__location_country) places no census row of location '
                    || coalesce(placed.location_name, '(not stated)') || ' in one country: ' || placed.placement_basis
            when placed.country_code is null then placed.placement_basis
        end as rejection_reason

    from placed

),

final as (

    select
        checked.source_id,
        checked.source_row_number,
        checked.source_record_locator,
        checked.rejected_column,
        case checked.rejected_column
            when 'fullName' then '(empty)'
            when 'Year' then coalesce(checked.census_year_as_published, '(empty)')
            when 'country' then coalesce(checked.country_name, '(empty)')
            when 'location' then coalesce(checked.location_name, '(not stated)')
        end as rejected_value,
        checked.rejection_reason,
        case
            when checked.rejected_column is null
                then checked.record_id_prefix || cast(checked.source_row_number as {{ dbt.type_string() }})
        end as observation_id,
        case when checked.rejected_column is null then 'cpj:' || {{ label_key('checked.full_name') }} end as person_key,
        checked.full_name as person_name,
        checked.full_name as person_name_as_reported,
        case when checked.rejected_column is null then checked.country_code end as country_code,
        checked.census_year,
        case when checked.census_year is not null then make_date(checked.census_year, 12, 1) end as census_date,
        'CPJ''s prison census: in custody on 1 December of the census year (the file''s README)' as census_date_basis,
        1 as census_interval_years,
        cast(null as date) as deprivation_start_date,
        'not stated in the file: a census row gives the census year, not the day the deprivation began' as deprivation_start_basis,
        kinds.role_code,
        sexes.sex,
        sexes.sex_basis,
        {{ clean_text("split_part(checked.organizations, ',', 1)") }} as outlet_name,
        checked.organizations as outlet_name_as_reported,
        checked.jobs as jobs_as_reported,
        checked.charges as charges_as_reported,
        charge_lists.charge_labels,
        chosen_charges.arbitrariness_category_code,
        'CPJ charge ''' || chosen_charges.charge_label || ''': ' || chosen_charges.mapping_basis as arbitrariness_basis,
        checked.sentence as sentence_as_reported,
        checked.length_of_sentence as length_of_sentence_as_reported,
        checked.location_imprisoned as place_of_detention

    from checked
    left join kinds
        on {{ label_key('checked.victim_kind') }} = {{ label_key('kinds.source_label') }}
    left join sexes
        on {{ label_key("coalesce(checked.sex_label, '(not stated)')") }} = {{ label_key('sexes.source_label') }}
    left join charge_lists
        on
            checked.source_id = charge_lists.source_id
            and checked.source_row_number = charge_lists.source_row_number
    left join chosen_charges
        on
            checked.source_id = chosen_charges.source_id
            and checked.source_row_number = chosen_charges.source_row_number

)

select * from final
