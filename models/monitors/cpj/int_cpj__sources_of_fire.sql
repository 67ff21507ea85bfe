-- The sources of fire each loadable CPJ record lists (sourcesOfFire can hold several, separated by
-- commas), one row each; an empty cell is one '(not stated)' row. int_cpj__killings maps them and
-- keeps, per record, the one whose SDG perpetrator status comes first.
with

records as (

    select * from {{ ref('int_cpj__records_checked') }}
    where rejected_column is null

),

final as (

    select
        records.source_id,
        records.source_row_number,
        {{ clean_text('listed.source_of_fire') }} as source_of_fire_label

    from records
    {{ split_to_rows("coalesce(records.sources_of_fire, '(not stated)')", ',', 'listed', 'source_of_fire') }}

)

select * from final
