{{ config(severity='warn') }}
-- Lists the records of the monitors' exports that are quarantined (core.rejected_source_records),
-- so every build shows them; each has a reason and stays traceable to its row in the file.
select
    rejected.source_id,
    rejected.source_row_number,
    rejected.source_record_locator,
    rejected.column_name,
    rejected.offending_value,
    rejected.rejection_reason
from {{ ref('rejected_source_records') }} as rejected
