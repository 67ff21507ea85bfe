"""Issue 7 at small scale: the synthetic generator, the external register beside the seeds, the
incremental facts (an append gives exactly what a full rebuild gives), and the SQL replay the
benchmark compares dbt against. Timings are measured by `make bench`, never here."""

from __future__ import annotations

import csv
import hashlib
import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from conftest import PROJECT_ROOT, copy_project, run

SYNTH = PROJECT_ROOT / "analyses" / "bench" / "synth.py"
TABLES = ("incident_events", "incident_victims", "legal_actions", "legal_action_stages")
USER_ASSIGNED = {f"X{c}" for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"} | {f"Q{c}" for c in "MNOPQRSTUVWXYZ"}
INCREMENTAL_TABLES = {
    "core.fct_incidents": "incident_key",
    "core.fct_incident_victims": "incident_victim_key",
    "core.fct_legal_actions": "legal_action_key",
    "core.fct_legal_action_status_history": "legal_action_stage_key",
    "core.dim_victims": "victim_key",
}


def synth(out: Path, victims: int, batch: int = 1, seed: int = 42) -> None:
    subprocess.run([sys.executable, str(SYNTH), "--victims", str(victims), "--batch", str(batch), "--seed", str(seed),
                    "--out", str(out), "--countries", "5", "--years", "3"], check=True, capture_output=True)


def table_digest(register: Path, table: str) -> str:
    con = duckdb.connect()
    try:
        rows = con.execute(f"select * from read_parquet('{register}/{table}/*.parquet') order by all").fetchall()
    finally:
        con.close()
    return hashlib.sha256(repr(rows).encode()).hexdigest()


def seed_values(name: str, column: str) -> set[str]:
    with open(PROJECT_ROOT / "seeds" / "raw" / f"{name}.csv", encoding="utf-8") as handle:
        return {row[column] for row in csv.DictReader(handle) if row[column]}


def test_generator_is_deterministic_and_marks_every_row_synthetic(tmp_path):
    synth(tmp_path / "a", 3000)
    synth(tmp_path / "b", 3000)
    synth(tmp_path / "c", 3000, seed=7)
    for table in TABLES:
        assert table_digest(tmp_path / "a", table) == table_digest(tmp_path / "b", table), table
    assert table_digest(tmp_path / "a", "incident_victims") != table_digest(tmp_path / "c", "incident_victims")

    con = duckdb.connect()
    victims = f"read_parquet('{tmp_path / 'a'}/incident_victims/*.parquet')"
    events = f"read_parquet('{tmp_path / 'a'}/incident_events/*.parquet')"
    assert con.execute(f"select count(*) from {victims}").fetchone()[0] == 3000
    countries = {r[0] for r in con.execute(f"select distinct country_code from {events}").fetchall()}
    assert countries and countries <= USER_ASSIGNED, "synthetic rows must never use a real country code"
    for table in TABLES:
        sections = con.execute(
            f"select distinct source_section from read_parquet('{tmp_path / 'a'}/{table}/*.parquet')").fetchall()
        assert sections == [("synthetic",)], table
    # attributes are drawn from the real seeds, never invented
    categories = {r[0] for r in con.execute(f"select distinct category_code from {events}").fetchall()}
    assert categories <= seed_values("raw_incident_events", "category_code")
    roles = {r[0] for r in con.execute(f"select distinct role_code from {victims}").fetchall()}
    assert roles <= seed_values("raw_incident_victims", "role_code")
    con.close()


def counts(warehouse: Path) -> dict:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return {t: con.execute(f"select count(*) from {t}").fetchone()[0] for t in INCREMENTAL_TABLES}
    finally:
        con.close()


def differing_rows(left: Path, right: Path, table: str) -> int:
    con = duckdb.connect()
    try:
        con.execute(f"attach '{left}' as l (read_only)")
        con.execute(f"attach '{right}' as r (read_only)")
        return con.execute(
            f"select count(*) from ((select * from l.{table} except all select * from r.{table}) "
            f"union all (select * from r.{table} except all select * from l.{table}))").fetchone()[0]
    finally:
        con.close()


@pytest.fixture(scope="module")
def scale_project(tmp_path_factory):
    root = tmp_path_factory.mktemp("scale")
    project = copy_project(root / "project")
    register = root / "register"
    synth(register, 2000)
    synth(root / "append", 100, batch=2)
    return project, register, root


def dbt(project: Path, warehouse: Path, register: Path, *args: str, record: Path | None = None):
    env = {"JSI_EXTERNAL_REGISTER": str(register)}
    if record is not None:
        env["JSI_BENCH_RECORD"] = str(record)
    result = run([sys.executable, str(project / "analyses" / "bench" / "dbt_recorded.py"), "build", *args],
                 project, warehouse, extra_env=env)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    return result


def test_external_register_loads_beside_the_seeds_and_an_append_is_incremental(scale_project):
    project, register, root = scale_project
    full = root / "full" / "jsi.duckdb"
    full.parent.mkdir()
    recording = root / "recording.jsonl"
    dbt(project, full, register, record=recording)
    before = counts(full)
    con = duckdb.connect(str(full), read_only=True)
    try:
        synthetic = con.execute("select count(*) from core.fct_incident_victims where load_batch_id = 1").fetchone()[0]
        shipped = con.execute(
            """
            select count(*) from core.fct_incident_victims
            where load_batch_id = 0
              and source_id in (select source_id from core.dim_sources where source_kind = 'assessment_report')
            """
        ).fetchone()[0]
        kz = con.execute("select count(*) from marts.jsi_a1_safety_and_impunity_statistics").fetchone()[0]
    finally:
        con.close()
    assert synthetic == 2000
    assert shipped == len(list(csv.DictReader(open(PROJECT_ROOT / "seeds" / "raw" / "raw_incident_victims.csv"))))
    assert kz > 0

    # the benchmark's direct-SQL path: the recorded statements rebuild the same warehouse without dbt
    replayed = root / "replay" / "jsi.duckdb"
    replayed.parent.mkdir()
    outcome = subprocess.run([sys.executable, str(PROJECT_ROOT / "analyses" / "bench" / "replay.py"), str(recording),
                              str(replayed)], capture_output=True, text=True, check=True)
    assert json.loads(outcome.stdout.strip().splitlines()[-1])["statements"] > 500
    assert counts(replayed) == before
    for table in INCREMENTAL_TABLES:
        assert differing_rows(full, replayed, table) == 0, table

    # a second delivery: the batch-2 files appear beside batch 1; dbt build on the same file is incremental
    for table in TABLES:
        (register / table / "batch_000002.parquet").symlink_to(root / "append" / table / "batch_000002.parquet")
    incremental = root / "incremental" / "jsi.duckdb"
    incremental.parent.mkdir()
    incremental.write_bytes(full.read_bytes())
    result = dbt(project, incremental, register, "--select", "source:external_register+")
    assert "incremental model core.fct_incident_victims" in result.stdout
    after = counts(incremental)
    assert after["core.fct_incident_victims"] == before["core.fct_incident_victims"] + 100

    # the incremental result equals a full rebuild of the same register, row for row
    rebuilt = root / "rebuilt" / "jsi.duckdb"
    rebuilt.parent.mkdir()
    dbt(project, rebuilt, register)
    for table in INCREMENTAL_TABLES:
        assert differing_rows(incremental, rebuilt, table) == 0, table

