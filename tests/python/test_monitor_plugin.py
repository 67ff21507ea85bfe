"""Monitors are plug-ins (macros/monitors.sql): a monitor copied under a new id, with nothing added
anywhere but its own folders, is found by the register, the quarantine, the sources catalogue and
the completeness check. And the checks that guard the contract fail when a monitor breaks it."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import duckdb
import pytest

from conftest import broken_builds, copy_project, run, selected_cases

MONITOR, COPY = "cpj", "cpjcopy"


def renamed(text: str) -> str:
    """The monitor's identifiers under the new id, in both cases (model, seed, source and macro
    names; its source id and file folder; its event-id prefix)."""
    return re.sub(MONITOR.upper(), COPY.upper(), re.sub(MONITOR, COPY, text))


def monitor_folders(root: Path, monitor: str) -> list[Path]:
    """Where a monitor lives: folders and files named after it, nowhere else."""
    return [root / "models" / "monitors" / monitor, root / "seeds" / "monitors" / monitor,
            root / "macros" / "monitors" / f"{monitor}.sql", *root.glob(f"seeds/external/{monitor}_*")]


def copy_monitor(root: Path) -> list[Path]:
    """Copy every file of the monitor under the new id (paths and contents renamed)."""
    written = []
    for place in monitor_folders(root, MONITOR):
        files = [place] if place.is_file() else [p for p in place.rglob("*") if p.is_file()]
        for source in files:
            target = root / renamed(str(source.relative_to(root)))
            target.parent.mkdir(parents=True, exist_ok=True)
            # its models, macros, READMEs and seeds (catalogue, mappings, decisions) name it
            if source.suffix in {".sql", ".yml", ".md"} or source.is_relative_to(root / "seeds" / "monitors"):
                target.write_text(renamed(source.read_text(encoding="utf-8")), encoding="utf-8")
            else:
                shutil.copy2(source, target)  # the export itself stays byte-identical
            written.append(target)
    return written


@pytest.fixture(scope="module")
def with_copy(tmp_path_factory) -> tuple[Path, Path, list[Path]]:
    root = copy_project(tmp_path_factory.mktemp("plugin") / "project")
    written = copy_monitor(root)
    warehouse = root / "warehouse" / "jsi.duckdb"
    result = run(["make", "build"], cwd=root, warehouse=warehouse)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-3000:]
    return root, warehouse, written


def test_the_copy_adds_files_only_under_its_own_name(with_copy):
    root, _, written = with_copy
    assert written
    for path in written:
        relative = path.relative_to(root)
        assert COPY in str(relative), relative
        assert relative.parts[0] in {"models", "seeds", "macros"}, relative


def test_the_copied_monitor_is_in_the_facts_the_quarantine_and_the_catalogue(with_copy):
    _, warehouse, _ = with_copy
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        def per_source(sql: str) -> dict[str, int]:
            return dict(con.execute(sql).fetchall())

        incidents = per_source("select source_id, count(*) from core.fct_incidents group by all")
        victims = per_source("select source_id, count(*) from core.fct_incident_victims group by all")
        rejected = per_source("select source_id, count(*) from core.rejected_source_records group by all")
        legal = per_source("select source_id, count(*) from core.fct_legal_actions group by all")
        catalogue = {r[0] for r in con.execute("select source_id from core.dim_sources").fetchall()}
    finally:
        con.close()
    original, copy = "cpj_killed_1992_2022", "cpjcopy_killed_1992_2022"
    assert copy in catalogue
    assert incidents[copy] == incidents[original] > 2000
    assert victims[copy] == victims[original]
    assert rejected[copy] == rejected[original] > 0
    assert legal[copy] == legal[original] > 0


def break_the_contract(root: Path) -> None:
    """The monitor's contract model no longer enforces its contract."""
    path = root / "models" / "monitors" / MONITOR / f"_{MONITOR}__models.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index(f"  - name: {MONITOR}__monitor_records")
    head, tail = text[:start], text[start:]
    path.write_text(head + tail.replace("      contract:\n        enforced: true\n", "      contract:\n        enforced: false\n", 1),
                    encoding="utf-8")


def lose_a_record(root: Path) -> None:
    """The monitor's contract model silently drops one record of its file."""
    path = root / "models" / "monitors" / MONITOR / f"{MONITOR}__monitor_records.sql"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("select * from final  -- noqa: AM04", "select * from final where source_row_number != 5  -- noqa: AM04"),
                    encoding="utf-8")


BREACHES = {
    "break_the_contract": (break_the_contract, ["every_monitor_honours_the_record_contract"]),
    "lose_a_record": (lose_a_record, ["every_record_of_a_monitor_export_is_loaded_superseded_or_quarantined"]),
}


@pytest.fixture(scope="module")
def breached(request, tmp_path_factory):
    """Each selected breach's `make build` on a fresh copy (conftest.broken_builds: two at a time)."""
    names = selected_cases(request, "test_a_monitor_that_breaks_the_contract_stops_the_build", "breach")
    return broken_builds({name: BREACHES[name][0] for name in names}, tmp_path_factory.mktemp("breach"), None)


@pytest.mark.parametrize("breach", sorted(BREACHES))
def test_a_monitor_that_breaks_the_contract_stops_the_build(breach, breached):
    result, _, after, _ = breached[breach]
    output = result.stdout + result.stderr
    assert result.returncode != 0, output[-3000:]
    for fragment in BREACHES[breach][1]:
        assert fragment in output, f"{fragment!r} missing from:\n{output[-4000:]}"
    assert after is None, "a failed build published a warehouse"
