"""The warehouse connection of the applications: the one place that finds and opens the warehouse.

Every application reads the published DuckDB file read-only, on a connection opened for one query
(or one export) and closed right after, so none of them ever holds the file while `make build`
publishes a new one: the next query reads the new file.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

from jsi_apps import PROJECT_ROOT

if TYPE_CHECKING:  # pandas is an extra (apps); the export runs without it
    import pandas as pd

DEFAULT_WAREHOUSE = "warehouse/jsi.duckdb"


def warehouse_path() -> Path:
    """The warehouse file: $JSI_WAREHOUSE (default warehouse/jsi.duckdb), relative paths taken
    from the project root."""
    path = Path(os.environ.get("JSI_WAREHOUSE", DEFAULT_WAREHOUSE))
    return path if path.is_absolute() else PROJECT_ROOT / path


def connect(warehouse: Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the warehouse file; use it as a context manager (`with`), which
    closes it when the block ends."""
    return duckdb.connect(str(warehouse), read_only=True)


def query(warehouse: Path, sql: str, params: list | None = None) -> pd.DataFrame:
    """Run one query on a fresh read-only connection that is closed right after."""
    with connect(warehouse) as con:
        return con.execute(sql, params or []).df()
