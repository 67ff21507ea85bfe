-- Article 19 Mexico's 2018 alerts that load, one row per record, with the labels mapped to the
-- warehouse's codes by the monitor's seeds, matched on label_key() (a label no seed knows stops
-- the build, assert_labels_mapped):
-- - the types the record lists (int_article19_mx__alert_type_items) through
--   xwalk_article19_mx__aggression_type: the first listed is the incident's category_code, the
--   other categories (distinct, in the order listed) its secondary_category_codes; a deprivation
--   of liberty listed anywhere gives the incident its arbitrariness category;
-- - Cargo through xwalk_article19_mx__victim_role: one person, a group of persons named together
--   (not split into persons: the contract carries one victim per record), or an outlet;
--   '(withheld)' when Article 19 withholds it;
-- - Perpetrador through xwalk_article19_mx__perpetrator ('(not stated)' when empty).
-- aggressions_counted is Article 19's own count of aggressions in the record, kept on the record
-- (it is not split into incidents).
{{ assert_labels_mapped(
    'article19_mx_2018',
    'seeds/external/article19_mx_2018/agresiones.csv',
    'int_article19_mx__alert_type_items',
    'true',
    [
        {'field': 'Tipo de agresión', 'column': 'type_label', 'seed': 'xwalk_article19_mx__aggression_type'},
    ]
) }}
{{ assert_labels_mapped(
    'article19_mx_2018',
    'seeds/external/article19_mx_2018/agresiones.csv',
    'int_article19_mx__records_checked',
    "staged.rejected_column is null and staged.source_id = 'article19_mx_2018'",
    [
        {'field': 'Cargo', 'column': 'role_label', 'seed': 'xwalk_article19_mx__victim_role'},
        {'field': 'Perpetrador', 'column': 'perpetrator_label', 'seed': 'xwalk_article19_mx__perpetrator'},
    ]
) }}
with

records as (

    select * from {{ ref('int_article19_mx__records_checked') }}
    where rejected_column is null and source_id = 'article19_mx_2018'

),

type_items as (

    select * from {{ ref('int_article19_mx__alert_type_items') }}

),

aggression_types as (

    select * from {{ ref('xwalk_article19_mx__aggression_type') }}

),

victim_roles as (

    select * from {{ ref('xwalk_article19_mx__victim_role') }}

),

perpetrators as (

    select * from {{ ref('xwalk_article19_mx__perpetrator') }}

),

typed as (

    select
        type_items.source_id,
        type_items.source_row_number,
        type_items.type_number,
        aggression_types.category_code,
        aggression_types.arbitrariness_category_code

    from type_items
    inner join aggression_types
        on {{ label_key('type_items.type_label') }} = {{ label_key('aggression_types.source_label') }}

),

main_types as (

    select
        typed.source_id,
        typed.source_row_number,
        typed.category_code

    from typed
    where typed.type_number = 1

),

-- each category of the record once, at the first place the record lists it
categories as (

    select
        typed.source_id,
        typed.source_row_number,
        typed.category_code,
        min(typed.type_number) as first_type_number,
        max(typed.arbitrariness_category_code) as arbitrariness_category_code

    from typed
    group by typed.source_id, typed.source_row_number, typed.category_code

),

record_categories as (

    select
        categories.source_id,
        categories.source_row_number,
        max(categories.arbitrariness_category_code) as arbitrariness_category_code,
        {{ dbt.listagg(
            'case when categories.category_code != main_types.category_code then categories.category_code end',
            "';'",
            'order by categories.first_type_number'
        ) }} as secondary_category_codes,
        count(*) as category_count

    from categories
    inner join main_types
        on
            categories.source_id = main_types.source_id
            and categories.source_row_number = main_types.source_row_number
    group by categories.source_id, categories.source_row_number

),

final as (

    select
        records.source_id,
        records.source_row_number,
        -- the record's event id in the register: its file's prefix and its row, padded
        records.record_id_prefix || lpad(cast(records.source_row_number as {{ dbt.type_string() }}), 4, '0') as event_id,
        records.source_record_locator,
        records.country_code,
        records.event_date,
        records.event_date_as_published,
        records.event_date_is_withheld,
        records.file_coverage_year,
        records.city_name,
        records.state_name,
        records.aggression_type_label,
        main_types.category_code,
        nullif(record_categories.secondary_category_codes, '') as secondary_category_codes,
        cast(record_categories.category_count as {{ dbt.type_int() }}) as category_count,
        record_categories.arbitrariness_category_code,
        records.specific_aggression,
        records.aggressions_counted,
        records.verified_at_as_published,
        records.perpetrator_label,
        records.perpetrator_description,
        perpetrators.perpetrator_type_code,
        records.role_label,
        victim_roles.victim_type,
        victim_roles.role_code,
        records.victim_names,
        records.victim_names_as_published,
        records.victim_names_placeholder,
        records.outlet_names,
        records.outlet_names_as_published

    from records
    inner join main_types
        on
            records.source_id = main_types.source_id
            and records.source_row_number = main_types.source_row_number
    inner join record_categories
        on
            records.source_id = record_categories.source_id
            and records.source_row_number = record_categories.source_row_number
    inner join victim_roles
        on {{ label_key(mapped_label('records.role_label')) }} = {{ label_key('victim_roles.source_label') }}
    inner join perpetrators
        on {{ label_key(mapped_label('records.perpetrator_label')) }} = {{ label_key('perpetrators.source_label') }}

)

select * from final
