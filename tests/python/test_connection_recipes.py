"""The README's connection recipes work against a built warehouse and are read-only."""

from __future__ import annotations

import subprocess

import duckdb
import pytest
from sqlalchemy import create_engine, text


def test_python_read_only_connection_cannot_write(built_project):
    _, warehouse = built_project
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        assert con.execute("select count(*) from marts.indicator_scorecard").fetchone()[0] > 0
        with pytest.raises(duckdb.Error):
            con.execute("create table marts.scratch as select 1 as x")
    finally:
        con.close()


def test_sqlalchemy_read_only_recipe(built_project):
    _, warehouse = built_project
    engine = create_engine(f"duckdb:///{warehouse.resolve()}?access_mode=read_only")
    try:
        with engine.connect() as con:
            cells = con.execute(text("select count(*) from marts.sdg_16_10_1")).scalar()
            assert cells > 0
            with pytest.raises(Exception, match="read-only"):
                con.execute(text("create table marts.scratch as select 1 as x"))
    finally:
        engine.dispose()


def test_duckdb_cli_recipe_if_available(built_project):
    _, warehouse = built_project
    try:
        result = subprocess.run(
            ["duckdb", "-readonly", str(warehouse), "-c", "select count(*) from marts.indicator_scorecard"],
            capture_output=True, text=True, timeout=60,
        )
    except FileNotFoundError:
        pytest.skip("the DuckDB CLI is not installed on this machine (the recipe needs it)")
    assert result.returncode == 0, result.stderr
