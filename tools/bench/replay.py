"""Execute, directly in DuckDB and without dbt, the SQL statements a recorded dbt run sent
(see dbt_recorded.py), in the order they started, on one connection with the same settings.

Skipped: dbt's own bookkeeping (transactions and catalog look-ups such as information_schema and
duckdb_* functions), which is part of what dbt adds. Everything else runs: the seed-file
validation queries of the on-run-start hook, the seed loads (COPY from the CSV files), every
model's DDL and every test query, whose results are fetched.

Usage: python tools/bench/replay.py RECORDING DATABASE_FILE [--threads 2 --memory-limit 3GB]
The database file must have the same file name as the recorded run's (the SQL names its catalog).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

import duckdb

BOOKKEEPING = re.compile(
    r"^\s*(?:/\*.*?\*/\s*)?(?:begin|commit|rollback)\b"  # transactions (replay autocommits)
    r"|information_schema\.|\bduckdb_(?:tables|columns|views|schemas|databases|settings|extensions)\s*\("
    r"|\bpragma\b|^\s*(?:/\*.*?\*/\s*)?(?:set|load|install)\s",
    re.IGNORECASE | re.DOTALL,
)


def statements(recording: Path):
    rows = [json.loads(line) for line in recording.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows.sort(key=lambda r: r["start"])
    for row in rows:
        if BOOKKEEPING.search(row["sql"][:2000]):
            continue
        yield row


def replay(recording: Path, database: Path, *, threads: int, memory_limit: str, storage_version: str) -> dict:
    for stale in (database, database.with_name(database.name + ".wal")):
        stale.unlink(missing_ok=True)
    selected = list(statements(recording))
    started = time.monotonic()
    con = duckdb.connect(
        str(database),
        config={
            "threads": threads,
            "memory_limit": memory_limit,
            "preserve_insertion_order": False,
            "storage_compatibility_version": storage_version,
        },
    )
    executed = 0
    for row in selected:
        try:
            result = con.execute(row["sql"], row["bindings"]) if row["bindings"] else con.execute(row["sql"])
            if result.description is not None:
                result.fetchall()
        except duckdb.Error as error:
            # the recorded run may have tolerated a statement (e.g. drop if exists of a relation
            # that never existed); anything else is a replay failure worth seeing
            if "does not exist" not in str(error):
                raise SystemExit(f"replay: statement failed: {error}\n{row['sql'][:500]}")
        executed += 1
    con.close()
    return {"seconds": time.monotonic() - started, "statements": executed}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("recording", type=Path)
    parser.add_argument("database", type=Path)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--memory-limit", default="3GB")
    parser.add_argument("--storage-version", default="v1.0.0")
    args = parser.parse_args(argv)
    outcome = replay(args.recording, args.database, threads=args.threads, memory_limit=args.memory_limit,
                     storage_version=args.storage_version)
    print(json.dumps(outcome))
    return 0


if __name__ == "__main__":
    sys.exit(main())
