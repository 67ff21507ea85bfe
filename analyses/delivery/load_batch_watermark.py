"""Print the newest load batch a published warehouse holds: the `append_after_load_batch` of an
append (macros/append_scope.sql). `make append`, the benchmark's append and the scale test read it
here, before dbt runs, from the four register staging tables (each holds every load batch).

    load_batch_watermark.py warehouse/jsi.duckdb   ->  prints e.g. 1
"""

from __future__ import annotations

import sys

import duckdb

REGISTER_TABLES = (
    "staging.stg_assessment__incident_events",
    "staging.stg_assessment__incident_victims",
    "staging.stg_assessment__legal_actions",
    "staging.stg_assessment__legal_action_stages",
)


def watermark(warehouse: str) -> int:
    with duckdb.connect(warehouse, read_only=True) as con:
        union = " union all ".join(f"select max(load_batch_id) as batch from {table}" for table in REGISTER_TABLES)
        (batch,) = con.execute(f"select max(batch) from ({union})").fetchone()
    if batch is None:
        raise SystemExit(f"{warehouse}: the register tables hold no load batch")
    return int(batch)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    print(watermark(sys.argv[1]))
