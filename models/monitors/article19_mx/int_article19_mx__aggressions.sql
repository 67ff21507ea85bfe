-- Article 19 Mexico's 2012-2016 records that load, with Article 19's Spanish labels mapped to the warehouse's
-- codes by the xwalk_article19_mx__* seeds, matched on label_key() so that spelling variants
-- ("Funcionario público" / "Funcionario Público") meet one row. A label no seed knows stops the
-- build (assert_labels_mapped).
{{ assert_labels_mapped(
    'article19_mx_2012_2016',
    'seeds/external/article19_mx_2012_2016/articulo19_2012_2016.json',
    'int_article19_mx__records_checked',
    "staged.rejected_column is null and staged.source_id = 'article19_mx_2012_2016'",
    [
        {'field': 'type', 'column': 'aggression_type_label', 'seed': 'xwalk_article19_mx__aggression_type'},
        {'field': 'responsable', 'column': 'perpetrator_label', 'seed': 'xwalk_article19_mx__perpetrator'},
        {'field': 'sexo', 'column': 'sex_label', 'seed': 'xwalk_article19_mx__sex'},
    ]
) }}
with

records as (

    select * from {{ ref('int_article19_mx__records_checked') }}
    -- the 2012-2016 register's layout (the 2018 alerts: int_article19_mx__alerts)
    where rejected_column is null and source_id = 'article19_mx_2012_2016'

),

aggression_types as (

    select * from {{ ref('xwalk_article19_mx__aggression_type') }}

),

perpetrators as (

    select * from {{ ref('xwalk_article19_mx__perpetrator') }}

),

sexes as (

    select * from {{ ref('xwalk_article19_mx__sex') }}

),

final as (

    select
        records.source_id,
        records.source_row_number,
        -- the record's event id in the register (its victim, legal action and stage ids extend it)
        'A19MX-' || lpad(cast(records.source_row_number as {{ dbt.type_string() }}), 4, '0') as event_id,
        records.source_record_locator,
        records.country_code,
        records.event_date,
        records.event_unix_timestamp,
        records.city_name,
        records.state_name,
        records.latitude,
        records.longitude,
        records.aggression_type_label,
        aggression_types.category_code,
        aggression_types.arbitrariness_category_code,
        records.perpetrator_label,
        perpetrators.perpetrator_type_code,
        records.sex_label,
        sexes.victim_type,
        sexes.role_code,
        sexes.sex,
        sexes.sex_basis

    from records
    inner join aggression_types
        on {{ label_key(mapped_label('records.aggression_type_label')) }} = {{ label_key('aggression_types.source_label') }}
    inner join perpetrators
        on {{ label_key(mapped_label('records.perpetrator_label')) }} = {{ label_key('perpetrators.source_label') }}
    inner join sexes
        on {{ label_key(mapped_label('records.sex_label')) }} = {{ label_key('sexes.source_label') }}

)

select * from final
