"""The external register's load batches are checked before anything loads (issue 28): a batch
whose rows carry another load_batch_id, a file not named batch_<N>.parquet, an empty required
cell, a key delivered twice (a correction: never appended, so an append always equals a rebuild),
and, for an append, a batch no newer than the warehouse's that the warehouse does not hold (it
would be skipped) or holds with other rows. Each problem names the file, row, column and value;
`make append` stops and the published warehouse stays byte-identical."""

from __future__ import annotations

import hashlib
import shutil
import sys
from pathlib import Path

import duckdb
import pytest

from conftest import PROJECT_ROOT, run, synth

sys.path.insert(0, str(PROJECT_ROOT / "tools"))
import register_batches  # noqa: E402

EVENTS = "incident_events"


@pytest.fixture
def register(tmp_path) -> Path:
    out = tmp_path / "register"
    synth(out, 200, batch=1)
    return out


def batch_file(register: Path, table: str, batch: int) -> Path:
    return register / table / f"batch_{batch:06d}.parquet"


def write_batch(register: Path, table: str, name: str, select: str) -> Path:
    """A new file of a table's batches, selected from its first batch."""
    source = batch_file(register, table, 1)
    target = register / table / name
    query = select.format(source=f"read_parquet('{source}')")
    duckdb.sql(f"copy ({query}) to '{target}' (format parquet)")
    return target


def test_a_well_formed_register_passes(register):
    assert register_batches.check(register) == []


def test_every_kind_of_bad_batch_is_named_with_file_row_column_and_value(register):
    # a second batch whose rows still say batch 1, the second with an empty country, and whose
    # event ids repeat batch 1's (a correction)
    write_batch(register, EVENTS, "batch_000002.parquet",
                "select * replace (case when row_number() over () = 2 then null else country_code end as country_code)"
                " from {source} limit 3")
    write_batch(register, EVENTS, "extra.parquet", "select * from {source} limit 1")
    problems = register_batches.check(register)
    first_key = duckdb.sql(f"select event_id from read_parquet('{batch_file(register, EVENTS, 1)}') limit 1").fetchall()[0][0]
    assert "register/incident_events/batch_000002.parquet, row 1, column load_batch_id: value 1 but the file is batch 2" in problems
    assert "register/incident_events/batch_000002.parquet, row 2, column country_code: value is empty but required" in problems
    assert any(p.startswith("register/incident_events/extra.parquet: the file name must be batch_<number>.parquet") for p in problems)
    assert any(p.startswith(f"register/incident_events/batch_000002.parquet, row 1, column event_id: key '{first_key}' is already in "
                            "batch_000001.parquet, row 1") and "never an append" in p for p in problems)


def test_an_append_refuses_a_batch_the_warehouse_would_skip_or_has_loaded_otherwise(register, tmp_path):
    # a warehouse that holds batch 1 of incident_events with one row fewer than the file
    warehouse = tmp_path / "jsi.duckdb"
    with duckdb.connect(str(warehouse)) as con:
        con.execute("create schema staging")
        for table, relation in register_batches.STAGING.items():
            rows = "" if table != EVENTS else f" from read_parquet('{batch_file(register, EVENTS, 1)}') offset 1"
            select = f"select load_batch_id{rows}" if rows else "select 1 as load_batch_id"
            con.execute(f"create table {relation} as {select}")
        con.execute("insert into staging.stg_assessment__incident_victims values (3)")  # the warehouse's latest batch: 3
    write_batch(register, EVENTS, "batch_000002.parquet",
                "select * replace (2 as load_batch_id, event_id || '-NEW' as event_id) from {source} limit 2")
    problems = register_batches.check(register, warehouse)
    ((rows,),) = duckdb.sql(f"select count(*) from read_parquet('{batch_file(register, EVENTS, 1)}')").fetchall()
    assert (f"register/incident_events/batch_000001.parquet: batch 1 has {rows} rows, the warehouse loaded {rows - 1}: "
            "a loaded batch changed (corrections are a new build, make build)") in problems
    assert ("register/incident_events/batch_000002.parquet: batch 2 is not newer than the warehouse's latest batch 3 and the "
            "warehouse does not hold it: an append would skip it (give it a new number)") in problems


def test_make_append_stops_on_a_bad_batch_and_keeps_the_warehouse(register, published_copy):
    root, warehouse = published_copy
    before = hashlib.sha256(warehouse.read_bytes()).hexdigest()
    write_batch(register, EVENTS, "batch_000002.parquet", "select * from {source} limit 1")  # still says batch 1
    result = run(["make", "append"], cwd=root, warehouse=warehouse, extra_env={"JSI_EXTERNAL_REGISTER": str(register)})
    output = result.stdout + result.stderr
    assert result.returncode != 0, output[-3000:]
    assert "Register validation failed" in output
    assert "register/incident_events/batch_000002.parquet, row 1, column load_batch_id: value 1 but the file is batch 2" in output
    assert hashlib.sha256(warehouse.read_bytes()).hexdigest() == before
    assert not list(warehouse.parent.glob("jsi.duckdb.building*"))
    shutil.rmtree(register)
