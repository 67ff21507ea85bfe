-- Records of the monitors' exports that could not be loaded, one row each, with the column,
-- value and reason: quarantined, never dropped. For each source, the records loaded plus the
-- records here equal the records in its file (tested).
with

cpj as (

    select * from {{ ref('int_cpj__records_checked') }}
    where rejected_column is not null

),

article19_mx as (

    select * from {{ ref('int_article19_mx__records_checked') }}
    where rejected_column is not null

),

final as (

    select
        cpj.source_id,
        cpj.source_row_number,
        cpj.source_record_locator,
        cpj.rejected_column as column_name,
        cpj.rejected_value as offending_value,
        cpj.rejection_reason
    from cpj

    union all

    select
        article19_mx.source_id,
        article19_mx.source_row_number,
        article19_mx.source_record_locator,
        article19_mx.rejected_column as column_name,
        article19_mx.rejected_value as offending_value,
        article19_mx.rejection_reason
    from article19_mx

)

select * from final
