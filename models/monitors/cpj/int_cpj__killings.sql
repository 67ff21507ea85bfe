-- CPJ records that can be loaded, of every vintage (a superseded record is mapped too, so that
-- marts.vintage_changes can compare it with its newer record), with CPJ's labels mapped to the
-- warehouse's codes by the xwalk_cpj__* seeds (never by a CASE here). A label no seed knows stops the build (assert_labels_mapped).
{{ assert_labels_mapped(
    'cpj_killed_1992_2022',
    'seeds/external/cpj_killed_1992_2022/cpj_killed_1992_2022.csv',
    'int_cpj__records_checked',
    'staged.rejected_column is null',
    [
        {'field': 'combinedStatus', 'column': 'combined_status', 'seed': 'xwalk_cpj__combined_status'},
        {
            'field': 'status x typeOfDeath', 'column': 'type_of_death', 'seed': 'xwalk_cpj__type_of_death',
            'also': [{'column': 'status', 'label': 'status'}],
        },
        {'field': 'type', 'column': 'victim_kind', 'seed': 'xwalk_cpj__victim_kind'},
        {'field': 'sex', 'column': 'sex_label', 'seed': 'xwalk_cpj__sex'},
        {'field': 'impunityMurder', 'column': 'impunity_murder', 'seed': 'xwalk_cpj__impunity'},
    ]
) }}
with

records as (

    select * from {{ ref('int_cpj__records_checked') }}
    where rejected_column is null

),

statuses as (

    select * from {{ ref('xwalk_cpj__combined_status') }}

),

deaths as (

    select * from {{ ref('xwalk_cpj__type_of_death') }}

),

kinds as (

    select * from {{ ref('xwalk_cpj__victim_kind') }}

),

sexes as (

    select * from {{ ref('xwalk_cpj__sex') }}

),

impunity as (

    select * from {{ ref('xwalk_cpj__impunity') }}

),

record_perpetrators as (

    select * from {{ ref('int_cpj__record_perpetrators') }}

),

final as (

    select
        records.source_id,
        records.source_row_number,
        -- the record's event id in the register (its victim, legal action and stage ids extend it)
        records.record_id_prefix || lpad(cast(records.source_row_number as {{ dbt.type_string() }}), 4, '0') as event_id,
        records.source_record_locator,
        records.country_code,
        records.record_year as event_year,
        records.full_name,
        records.victim_name,
        records.organizations,
        records.location_name,
        records.combined_status,
        statuses.verification_status_code,
        records.type_of_death,
        deaths.category_code,
        deaths.context_code,
        records.victim_kind,
        kinds.role_code,
        sexes.sex,
        sexes.sex_basis,
        records.impunity_murder,
        impunity.impunity_outcome_code,
        impunity.legal_stage_code as impunity_stage_code,
        records.sources_of_fire,
        record_perpetrators.perpetrator_type_code,
        records.local_or_foreign

    from records
    inner join statuses
        on {{ label_key(mapped_label('records.combined_status')) }} = {{ label_key('statuses.source_label') }}
    inner join deaths
        on
            {{ label_key(mapped_label('records.type_of_death')) }} = {{ label_key('deaths.source_label') }}
            and {{ label_key(mapped_label('records.status')) }} = {{ label_key('deaths.status') }}
    inner join kinds
        on {{ label_key(mapped_label('records.victim_kind')) }} = {{ label_key('kinds.source_label') }}
    inner join sexes
        on {{ label_key(mapped_label('records.sex_label')) }} = {{ label_key('sexes.source_label') }}
    inner join impunity
        on {{ label_key(mapped_label('records.impunity_murder')) }} = {{ label_key('impunity.source_label') }}
    inner join record_perpetrators
        on
            records.source_id = record_perpetrators.source_id
            and records.source_row_number = record_perpetrators.source_row_number

)

select * from final
