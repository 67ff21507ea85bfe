-- Every CPJ record with the checks that decide whether it can be loaded: a record without a
-- year cannot be placed in a period, a record whose country maps to no single ISO 3166-1 code
-- cannot be placed in a country (xwalk_cpj__country says why). Such records are quarantined in
-- core.rejected_source_records with the column, value and reason; none is dropped. A country
-- label xwalk_cpj__country does not know stops the build (assert_labels_mapped).
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
    end as rejected_value
from final
