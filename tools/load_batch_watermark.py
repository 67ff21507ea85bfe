"""Print the newest load batch a published warehouse holds: the watermark of an append
(JSI_APPEND_AFTER_LOAD_BATCH, or the var append_after_load_batch: macros/append_scope.sql). `make append`, the benchmark's append and the scale test read it
here, before dbt runs, from the four register staging tables (each holds every load batch).

    load_batch_watermark.py warehouse/jsi.duckdb   ->  prints e.g. 1

Given a directory, it reads a Spark warehouse (`make append-spark`): the Parquet files of the same
tables under <directory>/staging.db/, partitioned by country and period.
"""

from __future__ import annotations

import sys
from pathlib import Path

import duckdb

REGISTER_TABLES = (
    "staging.stg_assessment__incident_events",
    "staging.stg_assessment__incident_victims",
    "staging.stg_assessment__legal_actions",
    "staging.stg_assessment__legal_action_stages",
)


def spark_table(directory: Path, table: str) -> str:
    schema, name = table.split(".")
    files = directory / f"{schema}.db" / name
    if not any(files.rglob("*.parquet")):
        raise SystemExit(f"{directory}: no Parquet files for {table} at {files}")
    return f"read_parquet('{files}/**/*.parquet', hive_partitioning = true)"


def watermark(warehouse: str) -> int:
    spark = Path(warehouse).is_dir()
    tables = [spark_table(Path(warehouse), table) if spark else table for table in REGISTER_TABLES]
    with duckdb.connect(":memory:" if spark else warehouse, read_only=not spark) as con:
        union = " union all ".join(f"select max(load_batch_id) as batch from {table}" for table in tables)
        (batch,) = con.execute(f"select max(batch) from ({union})").fetchone()
    if batch is None:
        raise SystemExit(f"{warehouse}: the register tables hold no load batch")
    return int(batch)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    print(watermark(sys.argv[1]))
