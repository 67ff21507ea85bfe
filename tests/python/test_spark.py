"""The same dbt project on Apache Spark, row for row against the DuckDB build.

`make build-spark` builds the project from the shipped seeds and the monitors' exports on Spark
(dbt-spark, in-process session, Parquet tables) in a copy of the project. Every relation of the
core, marts and public schemas is then read back from Spark's Parquet files by DuckDB and compared with the
DuckDB build of the same copy (`make build`): the same columns, and the same rows as multisets
(order-insensitive). Numeric tolerance: floating-point columns are compared rounded to 9 decimal
places; integers, decimals, text, dates and booleans must be equal.

Needs a Java runtime (.ci/run installs openjdk-17-jre-headless when missing); skipped with the
reason otherwise.
"""

from __future__ import annotations

import re
import shutil
import sys
import time
from pathlib import Path

import duckdb
import pytest

from conftest import PROJECT_ROOT, run

sys.path.insert(0, str(PROJECT_ROOT / "analyses" / "reference"))

FLOAT_TYPES = {"DOUBLE", "FLOAT", "REAL"}
COMPARED_SCHEMAS = ("core", "marts", "public")


def accent_fold_characters() -> tuple[str, str]:
    text = (PROJECT_ROOT / "macros" / "spark" / "accent_folds.sql").read_text(encoding="utf-8")
    source, target = re.search(r"return\(\('([^']*)', '([^']*)'\)\)", text).groups()
    return source, target


def test_accent_fold_matches_duckdb():
    """Spark's translate() fold is DuckDB's strip_accents on every character of the covered blocks."""
    from make_accent_folds import BLOCKS

    source, target = accent_fold_characters()
    chars = [chr(code) for start, end in BLOCKS for code in range(start, end + 1)]
    con = duckdb.connect()
    differing = con.execute(
        "select c, strip_accents(c), translate(c, ?, ?) from unnest(?) as t(c)"
        " where strip_accents(c) is distinct from translate(c, ?, ?)",
        [source, target, chars, source, target],
    ).fetchall()
    assert not differing, differing[:20]
    # and on text: a name with accents of several scripts folds the same way
    name = "Zhanbolat Mämäy, Jesús Núñez, Ёлкин Йылдыз"
    stripped, translated = con.execute("select strip_accents(?), translate(?, ?, ?)", [name, name, source, target]).fetchone()
    assert translated == stripped == "Zhanbolat Mamay, Jesus Nunez, Елкин Иылдыз"


@pytest.fixture(scope="session")
def spark_build(built_project):
    """`make build-spark` in the end-to-end project copy (the DuckDB build sits beside it)."""
    if shutil.which("java") is None:
        pytest.skip("no Java runtime: apt-get install openjdk-17-jre-headless")
    root, warehouse = built_project
    home = root / "warehouse" / "spark"
    started = time.monotonic()
    result = run(["make", "build-spark", f"SPARK_HOME_DIR={home}"], cwd=root, warehouse=warehouse, timeout=3600)
    seconds = time.monotonic() - started
    print(f"\nmake build-spark: {seconds:.0f} s")
    assert result.returncode == 0, result.stdout[-8000:] + result.stderr[-3000:]
    return home, warehouse, result.stdout


def duckdb_relations(con) -> list[tuple[str, str]]:
    return con.execute(
        "select table_schema, table_name from information_schema.tables"
        f" where table_schema in {COMPARED_SCHEMAS} order by 1, 2"
    ).fetchall()


def normalized(con, relation: str, columns: list[tuple[str, str]]) -> str:
    parts = []
    for name, data_type in columns:
        quoted = f'"{name}"'
        parts.append(f"round({quoted}, 9) as {quoted}" if data_type.upper() in FLOAT_TYPES else quoted)
    return f"select {', '.join(parts)} from {relation}"


def test_every_core_marts_and_public_relation_equals_duckdb(spark_build):
    home, warehouse, _ = spark_build
    con = duckdb.connect()
    con.execute(f"attach '{warehouse}' as duck (read_only)")
    relations = duckdb_relations(con)
    assert len(relations) > 40, relations
    problems = []
    compared_rows = 0
    for schema, name in relations:
        directory = home / "warehouse" / f"{schema}.db" / name
        files = sorted(directory.glob("*.parquet"))
        if not files:
            problems.append(f"{schema}.{name}: no Parquet table on Spark at {directory}")
            continue
        con.execute(f"create or replace temp view spark_rel as select * from read_parquet('{directory}/*.parquet')")
        duck_columns = con.execute(f"select column_name, data_type from information_schema.columns where table_catalog = 'duck' and table_schema = '{schema}' and table_name = '{name}' order by ordinal_position").fetchall()
        spark_columns = [row[0] for row in con.execute("describe spark_rel").fetchall()]
        if sorted(c for c, _ in duck_columns) != sorted(spark_columns):
            problems.append(f"{schema}.{name}: columns differ: DuckDB {[c for c, _ in duck_columns]}, Spark {spark_columns}")
            continue
        duck_sql = normalized(con, f'duck."{schema}"."{name}"', duck_columns)
        spark_sql = normalized(con, "spark_rel", duck_columns)
        only_duck = con.execute(f"select count(*) from ({duck_sql} except all {spark_sql})").fetchone()[0]
        only_spark = con.execute(f"select count(*) from ({spark_sql} except all {duck_sql})").fetchone()[0]
        rows = con.execute(f'select count(*) from duck."{schema}"."{name}"').fetchone()[0]
        compared_rows += rows
        if only_duck or only_spark:
            example = con.execute(f"{duck_sql} except all {spark_sql} limit 3").fetchall()
            problems.append(
                f"{schema}.{name}: {only_duck} row(s) only in DuckDB, {only_spark} only on Spark (of {rows}); e.g. {example}"
            )
    print(f"\ncompared {len(relations)} relations, {compared_rows} rows")
    assert not problems, "\n".join(problems)
