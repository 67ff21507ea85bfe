"""Run dbt in this process and, when JSI_BENCH_RECORD names a file, record every SQL statement
dbt-duckdb sends to DuckDB (one JSON line each: thread, statement, bindings, start, seconds).

The recording is what `replay.py` executes directly in DuckDB, without dbt, to measure what dbt
adds on top of the SQL itself. Usage: python tools/bench/dbt_recorded.py build [dbt args...]
"""

from __future__ import annotations

import json
import os
import sys
import threading
import time


def install_recorder(path: str) -> None:
    from dbt.adapters.duckdb.environments import local

    lock = threading.Lock()
    sink = open(path, "w", encoding="utf-8")  # noqa: SIM115 - closed by the interpreter at exit
    original = local.DuckDBCursorWrapper.execute

    def execute(self, sql, bindings=None):
        started = time.monotonic()
        try:
            return original(self, sql, bindings)
        finally:
            record = {
                "thread": threading.current_thread().name,
                "sql": sql,
                "bindings": list(bindings) if bindings is not None else None,
                "start": started,
                "seconds": time.monotonic() - started,
            }
            with lock:
                sink.write(json.dumps(record, default=str) + "\n")
                sink.flush()

    local.DuckDBCursorWrapper.execute = execute


def main() -> int:
    record_to = os.environ.get("JSI_BENCH_RECORD")
    if record_to:
        install_recorder(record_to)
    from dbt.cli.main import dbtRunner

    result = dbtRunner().invoke(sys.argv[1:])
    if result.exception is not None:
        print(f"dbt failed: {result.exception}", file=sys.stderr)
        return 2
    return 0 if result.success else 1


if __name__ == "__main__":
    sys.exit(main())
