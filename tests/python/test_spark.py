"""The same dbt project on Apache Spark, row for row against the DuckDB build.

`make build-spark` builds the project on Spark (dbt-spark, in-process session, Parquet tables) in a
copy of the project: the shipped seeds, the monitors' exports and a synthetic external register
(batch 1). Every relation of the core, marts and public schemas is then read back from Spark's
Parquet files by DuckDB and compared with a DuckDB build of the same copy and register: the same
columns, and the same rows as multisets (order-insensitive). Then batch 2 joins the register,
`make append-spark` runs, and the comparison is made again against a DuckDB build of both batches.
Numeric tolerance: floating-point columns are compared rounded to 9 decimal places; integers,
decimals, text, dates and booleans must be equal.

One Spark build serves both comparisons: a second full build on Spark (of the shipped data alone)
took 13 minutes of the CI run and read nothing the build with the register does not.

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

from conftest import PROJECT_ROOT, REGISTER_TABLES, VENV_BIN, copy_project, run, synth

sys.path.insert(0, str(PROJECT_ROOT / "tools" / "reference"))

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


def spark_table_sql(directory: Path, duck_columns: list[tuple[str, str]]) -> str | None:
    """A Spark Parquet table read by DuckDB: its files, and the partition columns (partition_by on
    Spark) from the directory names, typed as in the DuckDB build."""
    files = sorted(directory.rglob("*.parquet"))
    if not files:
        return None
    partition_columns = {part.split("=", 1)[0] for part in files[0].relative_to(directory).parts[:-1]}
    types = dict(duck_columns)
    columns = [f'cast("{c}" as {types[c]}) as "{c}"' if c in partition_columns and c in types else f'"{c}"'
               for c in partition_columns]
    hive = ", hive_partitioning = true, hive_types_autocast = false" if partition_columns else ""
    projection = ", ".join(["* exclude (" + ", ".join(f'"{c}"' for c in partition_columns) + ")", *columns]) if partition_columns else "*"
    return f"select {projection} from read_parquet('{directory}/**/*.parquet'{hive})"


def differences_from_duckdb(home: Path, warehouse: Path) -> tuple[list[tuple[str, str]], int, list[str]]:
    """Every core, marts and public relation of the DuckDB warehouse against its Spark table."""
    con = duckdb.connect()
    con.execute(f"attach '{warehouse}' as duck (read_only)")
    relations = duckdb_relations(con)
    problems = []
    compared_rows = 0
    for schema, name in relations:
        directory = home / "warehouse" / f"{schema}.db" / name
        duck_columns = con.execute(f"select column_name, data_type from information_schema.columns where table_catalog = 'duck' and table_schema = '{schema}' and table_name = '{name}' order by ordinal_position").fetchall()
        table_sql = spark_table_sql(directory, duck_columns)
        if table_sql is None:
            problems.append(f"{schema}.{name}: no Parquet table on Spark at {directory}")
            continue
        con.execute(f"create or replace temp view spark_rel as {table_sql}")
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
            in_duck = con.execute(f"{duck_sql} except all {spark_sql} limit 3").fetchall()
            on_spark = con.execute(f"{spark_sql} except all {duck_sql} limit 3").fetchall()
            problems.append(
                f"{schema}.{name}: {only_duck} row(s) only in DuckDB, {only_spark} only on Spark (of {rows});"
                f" e.g. DuckDB {in_duck}, Spark {on_spark}"
            )
    con.close()
    return relations, compared_rows, problems


def partition_files(table: Path) -> dict[str, tuple[int, int]]:
    """Every Parquet file of a Spark table: its path under the table, and (size, mtime in ns)."""
    return {str(f.relative_to(table)): (f.stat().st_size, f.stat().st_mtime_ns) for f in table.rglob("*.parquet")}


def duckdb_build(project: Path, warehouse: Path, env: dict[str, str]) -> None:
    """A full DuckDB build (seeds and models) of the project copy into a new warehouse file."""
    warehouse.parent.mkdir(parents=True)
    built = run([str(VENV_BIN / "dbt"), "build", "--resource-type", "seed", "--resource-type", "model"],
                cwd=project, warehouse=warehouse, timeout=3600, extra_env=env)
    assert built.returncode == 0, built.stdout[-8000:] + built.stderr[-3000:]


@pytest.fixture(scope="module")
def spark_append(tmp_path_factory):
    """`make build-spark` over a synthetic register (batch 1), compared at once with a DuckDB build
    of the same register; then batch 2 (100 victims, every event in period 2025) beside it and
    `make append-spark`. The reference for the append is a DuckDB build of batches 1 and 2."""
    if shutil.which("java") is None:
        pytest.skip("no Java runtime: apt-get install openjdk-17-jre-headless")
    root = tmp_path_factory.mktemp("spark_append")
    project = copy_project(root / "project")
    register, later = root / "register", root / "batch2"
    synth(register, 2000, batch=1)
    synth(later, 100, batch=2)
    home = root / "spark"
    env = {"JSI_EXTERNAL_REGISTER": str(register)}
    started = time.monotonic()
    built = run(["make", "build-spark", f"SPARK_HOME_DIR={home}"], cwd=project, warehouse=root / "unused.duckdb",
                timeout=3600, extra_env=env)
    print(f"\nmake build-spark: {time.monotonic() - started:.0f} s")
    assert built.returncode == 0, built.stdout[-8000:] + built.stderr[-3000:]
    first = root / "duckdb_batch1" / "jsi.duckdb"
    duckdb_build(project, first, env)
    built_comparison = differences_from_duckdb(home, first)
    tables = home / "warehouse" / "core.db"
    before = {table.name: partition_files(table) for table in tables.iterdir() if table.is_dir()}
    for table in REGISTER_TABLES:
        (register / table / "batch_000002.parquet").symlink_to(later / table / "batch_000002.parquet")
    started = time.monotonic()
    appended = run(["make", "append-spark", f"SPARK_HOME_DIR={home}"], cwd=project, warehouse=root / "unused.duckdb",
                   timeout=3600, extra_env=env)
    print(f"\nmake append-spark: {time.monotonic() - started:.0f} s")
    assert appended.returncode == 0, appended.stdout[-8000:] + appended.stderr[-3000:]
    both = root / "duckdb_batches_1_2" / "jsi.duckdb"
    duckdb_build(project, both, env)
    return home, both, before, appended.stdout, built_comparison


def test_every_core_marts_and_public_relation_equals_duckdb(spark_append):
    relations, compared_rows, problems = spark_append[4]
    assert len(relations) > 40, relations
    print(f"\ncompared {len(relations)} relations, {compared_rows} rows after make build-spark")
    assert not problems, "\n".join(problems)


def test_an_append_on_spark_rewrites_only_the_partitions_it_touches(spark_append):
    home, _, before, log, _ = spark_append
    for model in ("core.fct_incidents", "core.fct_incident_victims", "core.dim_victims", "marts.impunity_tracker"):
        assert f"incremental model {model}" in log, model
    table = home / "warehouse" / "core.db" / "fct_incident_victims"
    after = partition_files(table)
    untouched = {path: stat for path, stat in before["fct_incident_victims"].items() if "period_year=2025" not in path}
    assert untouched, "batch 1 wrote no partition outside 2025"
    # the partitions of earlier periods are the very files batch 1 wrote: not rewritten
    assert {path: after.get(path) for path in untouched} == untouched
    # and the partitions of 2025, which batch 2 touches, were written again
    rewritten = [path for path in before["fct_incident_victims"] if "period_year=2025" in path]
    assert rewritten and not any(path in after for path in rewritten)
    assert any("period_year=2025" in path for path in after)


def test_an_append_on_spark_equals_a_full_duckdb_build_of_the_same_register(spark_append):
    home, warehouse, _, _, _ = spark_append
    relations, compared_rows, problems = differences_from_duckdb(home, warehouse)
    print(f"\ncompared {len(relations)} relations, {compared_rows} rows after the append")
    assert not problems, "\n".join(problems)
