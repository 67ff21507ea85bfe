-- Every CPJ record, of every vintage, with the checks that decide whether it can be loaded:
-- - superseded: a newer vintage of the list replaces it (vintage_supersession, macros/vintages.sql).
--   CPJ's match rule: two records of consecutive vintages are the same record when their name
--   (folded: case, accents, spaces), year and country are the same, the n-th of a key with the
--   n-th; cpj__vintage_match_decisions overrides it for one record (a respelled name);
-- - quarantined: a record without a year cannot be placed in a period, a record whose country maps
--   to no single ISO 3166-1 code cannot be placed in a country (xwalk_cpj__country says why).
-- A superseded record is not quarantined (the newer vintage's record speaks for it), and none is
-- dropped. A country label xwalk_cpj__country does not know stops the build (assert_labels_mapped).
{{ assert_labels_mapped(
    'cpj_killed_1992_2022',
    'seeds/external/cpj_killed_1992_2022/cpj_killed_1992_2022.csv',
    'stg_cpj__killed_journalists',
    'true',
    [{'field': 'country', 'column': 'country_name', 'seed': 'xwalk_cpj__country', 'label': 'cpj_country'}]
) }}
with

staged as (

    select * from {{ ref('stg_cpj__killed_journalists') }}

),

countries as (

    select * from {{ ref('xwalk_cpj__country') }}

),

match_keys as (

    select
        staged.source_id,
        staged.source_row_number,
        staged.event_year as record_year,
        concat_ws(
            '|',
            coalesce({{ label_key('staged.full_name') }}, ''),
            coalesce(staged.year_as_published, ''),
            coalesce({{ label_key('staged.country_name') }}, '')
        ) as vintage_match_key

    from staged

),

supersession as (

    select * from {{ vintage_supersession('match_keys', ref('cpj__source'), ref('cpj__vintage_match_decisions')) }} as supersession

),

final as (

    select
        staged.*,
        countries.country_code,
        case
            when staged.full_name is null and staged.event_year is null and staged.country_name is null then 'gender'
            when staged.event_year is null then 'year'
            when staged.country_name is null then 'country'
            when countries.cpj_country is not null and countries.country_code is null then 'country'
        end as rejected_column,
        case
            when staged.full_name is null and staged.event_year is null and staged.country_name is null
                then 'empty record: no name, year or country (only gender holds a value)'
            when staged.event_year is null then 'no year: the record cannot be placed in a period'
            when staged.country_name is null then 'no country: the record cannot be placed in a country'
            when countries.cpj_country is not null and countries.country_code is null then countries.basis
        end as rejection_reason

    from staged
    left join countries
        on {{ label_key('staged.country_name') }} = {{ label_key('countries.cpj_country') }}

)

-- every staged column is carried on (the model checks, it does not reshape)
select
    final.*,  -- noqa: AM04
    case final.rejected_column
        when 'gender' then final.sex_label
        when 'year' then final.year_as_published
        when 'country' then final.country_name
    end as rejected_value,
    supersession.superseded_by_source_id,
    supersession.superseded_by_row_number,
    supersession.supersession_basis
from final
left join supersession
    on
        final.source_id = supersession.source_id
        and final.source_row_number = supersession.source_row_number
