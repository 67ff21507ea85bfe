-- The perpetrator of each loadable CPJ record: of the sources of fire it lists
-- (int_cpj__sources_of_fire), mapped by xwalk_cpj__source_of_fire, the one whose SDG perpetrator
-- status comes first (State before non-State before unknown), ties by perpetrator type code.
-- A source-of-fire label no seed knows stops the build.
{{ assert_labels_mapped(
    'cpj_killed_1992_2022',
    'seeds/external/cpj_killed_1992_2022/cpj_killed_1992_2022.csv',
    'int_cpj__sources_of_fire',
    'true',
    [{'field': 'sourcesOfFire', 'column': 'source_of_fire_label', 'seed': 'xwalk_cpj__source_of_fire'}]
) }}
with

listed_sources_of_fire as (

    select * from {{ ref('int_cpj__sources_of_fire') }}

),

sources_of_fire as (

    select * from {{ ref('xwalk_cpj__source_of_fire') }}

),

perpetrator_types as (

    select * from {{ ref('vocab_perpetrator_types') }}

),

perpetrator_statuses as (

    select * from {{ ref('ref_sdg_perpetrator_statuses') }}

),

final as (

    select
        listed_sources_of_fire.source_id,
        listed_sources_of_fire.source_row_number,
        min_by(
            sources_of_fire.perpetrator_type_code,
            {{ ordering_list([
                'cast(perpetrator_statuses.status_precedence as ' ~ dbt.type_string() ~ ')',
                'sources_of_fire.perpetrator_type_code',
            ]) }}
        ) as perpetrator_type_code

    from listed_sources_of_fire
    inner join sources_of_fire
        on {{ label_key(mapped_label('listed_sources_of_fire.source_of_fire_label')) }} = {{ label_key('sources_of_fire.source_label') }}
    inner join perpetrator_types
        on sources_of_fire.perpetrator_type_code = perpetrator_types.perpetrator_type_code
    inner join perpetrator_statuses
        on perpetrator_types.sdg_perpetrator_status = perpetrator_statuses.sdg_perpetrator_status
    group by listed_sources_of_fire.source_id, listed_sources_of_fire.source_row_number

)

select * from final
