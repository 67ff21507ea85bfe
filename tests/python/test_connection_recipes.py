"""The README's connection recipes work against a built warehouse and are read-only."""

from __future__ import annotations

import subprocess

import duckdb
import pytest
from sqlalchemy import create_engine, text

from conftest import VENV_BIN


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


def test_duckdb_cli_recipe(built_project):
    """The DuckDB CLI (the duckdb-cli package, a 1.x binary: it reads the v1.0.0 storage the
    warehouse is written with) opens the file read-only and answers a query."""
    _, warehouse = built_project
    cli = VENV_BIN / "duckdb"
    assert cli.exists(), "the DuckDB CLI (duckdb-cli, pinned in pyproject.toml) is not installed"
    result = subprocess.run(
        [str(cli), "-readonly", "-csv", "-noheader", str(warehouse), "-c", "select count(*) from marts.indicator_scorecard"],
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    with duckdb.connect(str(warehouse), read_only=True) as con:
        expected = con.execute("select count(*) from marts.indicator_scorecard").fetchone()[0]
    assert result.stdout.strip() == str(expected)


def test_sqlalchemy_reflects_every_relation_of_the_published_schemas(built_project):
    """What Superset does when a dataset is added, and what pandas.read_sql_table does: reflect
    the columns and primary key of every table and view of core, marts and public, and read one
    whole relation of each schema, through a read-only URL."""
    import pandas as pd
    from sqlalchemy import inspect

    _, warehouse = built_project
    # counted first: an engine's connection and a plain one cannot share the file at once
    with duckdb.connect(str(warehouse), read_only=True) as con:
        expected = dict(con.execute(
            """
            select table_schema || '.' || table_name, count(*) from information_schema.columns
            where table_schema in ('core', 'marts', 'public') group by all
            """
        ).fetchall())
    engine = create_engine(f"duckdb:///{warehouse.resolve()}?access_mode=read_only")
    try:
        inspector = inspect(engine)
        reflected = {}
        for schema in ["core", "marts", "public"]:
            names = inspector.get_table_names(schema=schema) + inspector.get_view_names(schema=schema)
            for name in names:
                reflected[f"{schema}.{name}"] = len(inspector.get_columns(name, schema=schema))
                assert isinstance(inspector.get_pk_constraint(name, schema=schema), dict)
            frame = pd.read_sql_table(sorted(names)[0], engine, schema=schema)
            assert len(frame.columns) == reflected[f"{schema}.{sorted(names)[0]}"]
        assert reflected == expected
    finally:
        engine.dispose()
