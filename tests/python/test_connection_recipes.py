"""The README's connection recipes (For analysts), read from README.md and run as written against a
built warehouse, with the working directory at the built project copy's root (the recipes' relative
`warehouse/jsi.duckdb` is its file; the SQLAlchemy recipe's `/abs/path/` is that root). Each
connection is read-only, and the README's public-dataset recipe (`make export`) writes every
relation of the `public` schema."""

from __future__ import annotations

import contextlib
import io
import re

import duckdb
import pytest
from sqlalchemy import create_engine, text

from conftest import VENV_BIN
from readme_recipes import code_block, run_recipe, with_installed_toolchain

SCORECARD_COUNT = "select count(*) from marts.indicator_scorecard"


def count(warehouse, sql: str):
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(sql).fetchone()[0]


def run_python_recipe(block: str, root, monkeypatch) -> tuple[dict, str]:
    """exec the README's Python in `root`; its namespace (the connections it opened) and what it printed."""
    monkeypatch.chdir(root)
    namespace: dict = {}
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(block, "README.md", "exec"), namespace)
    return namespace, printed.getvalue()


def test_python_recipe_is_read_only(built_project, monkeypatch):
    root, warehouse = built_project
    expected = count(warehouse, SCORECARD_COUNT)
    namespace, printed = run_python_recipe(code_block("python", "import duckdb"), root, monkeypatch)
    con = namespace["con"]
    try:
        assert re.search(rf"\b{expected} rows\b", printed), printed[-2000:]
        with pytest.raises(duckdb.Error, match="read-only"):
            con.execute("create table marts.scratch as select 1 as x")
    finally:
        con.close()


def test_sqlalchemy_recipe_is_read_only(built_project, monkeypatch):
    root, warehouse = built_project
    # counted first: an engine's connection and a plain one cannot share the file at once
    cells = count(warehouse, "select count(*) from marts.sdg_16_10_1")
    register_rows = count(warehouse, "select count(*) from public.incident_register")
    block = code_block("python", "create_engine")
    assert "duckdb:////abs/path/warehouse/jsi.duckdb" in block
    namespace, printed = run_python_recipe(block.replace("/abs/path/", f"{root.resolve()}/"), root, monkeypatch)
    engine = namespace["engine"]
    try:
        assert printed.split() == [str(cells)]
        assert len(namespace["register"]) == register_rows > 0
        with engine.connect() as con:
            with pytest.raises(Exception, match="read-only"):
                con.execute(text("create table marts.scratch as select 1 as x"))
    finally:
        engine.dispose()


def test_duckdb_cli_recipe_is_read_only(built_project):
    """The README's CLI line (the duckdb-cli package, a 1.x binary: it reads the v1.0.0 storage the
    warehouse is written with) opens the file read-only and answers what is typed into it."""
    root, warehouse = built_project
    assert (VENV_BIN / "duckdb").exists(), "the DuckDB CLI (duckdb-cli, pinned in pyproject.toml) is not installed"
    cli = code_block("bash", ".venv/bin/duckdb -readonly")
    result = run_recipe(cli, root, stdin=f".mode csv\n.headers off\n{SCORECARD_COUNT};\n", timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(count(warehouse, SCORECARD_COUNT))
    refused = run_recipe(cli, root, stdin="create table marts.scratch as select 1 as x;\n", timeout=60)
    assert refused.returncode != 0 and "read-only" in refused.stdout + refused.stderr


def test_example_queries_run_in_the_cli(built_project):
    """The README's example SQL, pasted into its CLI line, runs and returns rows."""
    root, _ = built_project
    queries = code_block("sql", "marts.incidents_monthly")
    result = run_recipe(code_block("bash", ".venv/bin/duckdb -readonly"), root,
                        stdin=f".mode csv\n.headers on\n{queries}", timeout=60)
    assert result.returncode == 0 and not result.stderr, result.stderr
    headers = [line for line in result.stdout.splitlines() if line.startswith(("month_label,", "perpetrator_type_code,"))]
    assert len(headers) == 2 and len(result.stdout.splitlines()) > 4, result.stdout


def test_make_export_recipe_writes_every_public_relation(published_copy):
    """`make export` as the README writes it, in a fresh copy: one CSV and one Parquet file per
    relation of the public schema, each with the relation's rows, and the data dictionary."""
    root, warehouse = published_copy
    with_installed_toolchain(root)
    block = code_block("bash", "make export")
    out = root / re.search(r"(\S+)/\s*$", block).group(1)
    with duckdb.connect(str(warehouse), read_only=True) as con:
        relations = {name: con.execute(f"select count(*) from public.{name}").fetchone()[0] for (name,) in con.execute(
            "select table_name from information_schema.tables where table_schema = 'public'").fetchall()}
    result = run_recipe(block, root)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert {p.name for p in out.iterdir()} == {f"{n}.{ext}" for n in relations for ext in ("csv", "parquet")} | {
        "data_dictionary.md", "data_dictionary.csv"}
    with duckdb.connect() as con:
        for name, rows in relations.items():
            assert con.execute(f"select count(*) from read_parquet('{out / name}.parquet')").fetchone()[0] == rows, name
            assert con.execute(f"select count(*) from read_csv('{out / name}.csv', header = true)").fetchone()[0] == rows, name
    assert len(relations) > 1 and relations["incident_register"] > 0


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
