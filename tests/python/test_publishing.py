"""Write-audit-publish: readers keep working while the warehouse is rebuilt and published; a
failed build leaves the published file byte-identical; the file opens in a DuckDB 1.x client."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import duckdb
import pytest

from conftest import rewrite_seed, run

READER = textwrap.dedent(
    """
    import json, os, sys, time, duckdb
    path, stop_file, out = sys.argv[1], sys.argv[2], sys.argv[3]
    counts, failures = [], []
    started = time.time()
    for attempt in range(3000):  # bounded: at most 3000 queries or 15 minutes
        try:
            con = duckdb.connect(path, read_only=True)
            try:
                counts.append(con.execute(sys.argv[4]).fetchone())
            finally:
                con.close()
        except Exception as exc:
            failures.append(repr(exc))
        if attempt > 5 and os.path.exists(stop_file):
            break
        if time.time() - started > 900:
            break
        time.sleep(0.05)
    json.dump({"counts": counts, "failures": failures}, open(out, "w"))
    """
)


COUNTS_SQL = "select (select count(*) from core.fct_incidents), (select count(*) from marts.indicator_scorecard)"


def counts_in_fresh_process(warehouse: Path) -> tuple[int, int]:
    """Counts as a new client sees them. (Within one process DuckDB shares one database
    instance per path, so a connection opened while another is held would see the held file.)"""
    probe = f"import duckdb, sys; print(*duckdb.connect(sys.argv[1], read_only=True).execute({COUNTS_SQL!r}).fetchone())"
    result = subprocess.run([sys.executable, "-c", probe, str(warehouse)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    first, second = result.stdout.split()
    return int(first), int(second)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def add_incident(root: Path) -> None:
    """In a disposable copy only: append one incident and its victim (copies of the last rows
    under new ids), so that the rebuilt warehouse differs from the published one."""
    raw = root / "seeds" / "raw"
    new_event = {}

    def add_event(rows):
        new_event.update(rows[-1], event_id=rows[-1]["event_id"] + "-TEST")
        rows.append(dict(new_event))

    def add_victim(rows):
        rows.append(dict(rows[-1], victim_id=rows[-1]["victim_id"] + "-TEST", event_id=new_event["event_id"]))

    rewrite_seed(raw / "raw_incident_events.csv", add_event)
    rewrite_seed(raw / "raw_incident_victims.csv", add_victim)


def start_reader(tmp_path: Path, warehouse: Path):
    script = tmp_path / "reader.py"
    script.write_text(READER)
    stop, out = tmp_path / "stop", tmp_path / "reader.json"
    process = subprocess.Popen([sys.executable, str(script), str(warehouse), str(stop), str(out), COUNTS_SQL])
    time.sleep(1.0)
    return process, stop, out


def finish_reader(process, stop: Path, out: Path) -> dict:
    stop.write_text("done")
    process.wait(timeout=600)
    return json.loads(out.read_text())


def test_readers_never_fail_while_a_rebuild_is_published(published_copy, tmp_path):
    root, warehouse = published_copy
    before = counts_in_fresh_process(warehouse)
    held = duckdb.connect(str(warehouse), read_only=True)  # a BI connection held across the publish

    add_incident(root)
    process, stop, out = start_reader(tmp_path, warehouse)
    result = run(["make", "build"], cwd=root, warehouse=warehouse)
    report = finish_reader(process, stop, out)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]

    after = counts_in_fresh_process(warehouse)
    assert after[0] == before[0] + 1, "the rebuilt warehouse was not published"
    assert report["failures"] == [], report["failures"][:5]
    assert len(report["counts"]) > 5
    seen = {tuple(c) for c in report["counts"]}
    assert seen <= {tuple(before), tuple(after)}, f"a reader saw an incomplete version: {seen}"
    # the held connection still reads the complete old version
    assert held.execute("select count(*) from core.fct_incidents").fetchone()[0] == before[0]
    held.close()
    assert (warehouse.parent / "jsi.duckdb.previous").exists(), "no previous version kept for rollback"


def test_broken_seed_while_a_reader_reads_keeps_the_published_file(published_copy, tmp_path):
    root, warehouse = published_copy
    before = digest(warehouse)
    events = root / "seeds" / "raw" / "raw_incident_events.csv"
    rewrite_seed(events, lambda rows: rows[0].__setitem__("event_date", "not-a-date"))

    process, stop, out = start_reader(tmp_path, warehouse)
    result = run(["make", "build"], cwd=root, warehouse=warehouse)
    report = finish_reader(process, stop, out)
    assert result.returncode != 0
    assert "not-a-date" in result.stdout + result.stderr
    assert report["failures"] == []
    assert digest(warehouse) == before


def test_rollback_restores_the_previous_version(published_copy, tmp_path):
    root, warehouse = published_copy
    previous = warehouse.parent / "jsi.duckdb.previous"
    previous.write_bytes(warehouse.read_bytes())
    original = digest(previous)
    warehouse.write_bytes(b"not a database")
    result = run(["make", "rollback"], cwd=root, warehouse=warehouse)
    assert result.returncode == 0, result.stdout + result.stderr
    assert digest(warehouse) == original


def test_published_file_opens_in_a_duckdb_1x_client(built_project):
    legacy = os.environ.get("JSI_LEGACY_PYTHON")
    if not legacy or not Path(legacy).exists():
        pytest.skip("no DuckDB 1.x client: run `make legacy-client` (make test does)")
    _, warehouse = built_project
    probe = textwrap.dedent(
        """
        import sys, duckdb
        con = duckdb.connect(sys.argv[1], read_only=True)
        assert duckdb.__version__.startswith("1."), duckdb.__version__
        relations = con.execute(
            "select table_schema || '.' || table_name from information_schema.tables "
            "where table_schema in ('core', 'marts')"
        ).fetchall()
        for (relation,) in relations:
            con.execute(f"select * from {relation}").fetchall()
        print(duckdb.__version__, len(relations))
        """
    )
    result = subprocess.run([legacy, "-c", probe, str(warehouse)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    version, relations = result.stdout.split()
    assert int(relations) > 30


def test_two_builds_at_once_one_publishes_the_other_stops_and_rollback_goes_back(published_copy, tmp_path):
    """Two `make build` started together (issue 28): the second stops at once, naming the lock;
    the first publishes a complete warehouse; .previous is the file published before; no staging
    file is left behind; rollback puts the previous file back."""
    root, warehouse = published_copy
    before, before_counts = digest(warehouse), counts_in_fresh_process(warehouse)
    (root / "warehouse" / "jsi.duckdb.building").write_bytes(b"left by a killed run of the old Makefile")
    add_incident(root)
    lock = warehouse.with_name("jsi.duckdb.lock")
    first_log = tmp_path / "first.log"
    with first_log.open("w") as log:
        first = subprocess.Popen(["make", "build"], cwd=root, stdout=log, stderr=subprocess.STDOUT,
                                 env=dict(os.environ, JSI_WAREHOUSE=str(warehouse), DBT_PROFILES_DIR=str(root),
                                          DBT_PROJECT_DIR=str(root), NO_COLOR="1"))
        deadline = time.monotonic() + 120
        while not (lock.exists() and lock.read_text().strip()) and time.monotonic() < deadline:
            time.sleep(0.2)
        second = run(["make", "build"], cwd=root, warehouse=warehouse)
        first.wait(timeout=1800)
    assert second.returncode != 0
    assert f"{lock} is held by pid" in second.stdout + second.stderr, second.stdout[-2000:] + second.stderr[-2000:]
    assert first.returncode == 0, first_log.read_text()[-3000:]
    assert counts_in_fresh_process(warehouse)[0] == before_counts[0] + 1, "the first build published its warehouse"
    assert digest(warehouse.with_name("jsi.duckdb.previous")) == before, ".previous is the last published file"
    assert not list(warehouse.parent.glob("jsi.duckdb.building*")), "no staging file is left"
    rolled = run(["make", "rollback"], cwd=root, warehouse=warehouse)
    assert rolled.returncode == 0, rolled.stdout + rolled.stderr
    assert digest(warehouse) == before
