"""Shared fixtures: project paths, a disposable copy of the project, and a built warehouse."""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[2]
# The original files (the report's text, the monitors' exports) live in the repo, byte-identical;
# ../shared is only where they were copied from (tests/python/test_source_files.py).
EXTERNAL_DIR = PROJECT_ROOT / "seeds" / "external"
SHARED_DIR = PROJECT_ROOT.parent / "shared"
VENV_BIN = Path(sys.executable).parent
# What a disposable copy of the project needs to build, and the applications and tools the tests
# run in it (make export, make append, the static report, the benchmark's recorded dbt run).
PROJECT_ENTRIES = ["dbt_project.yml", "profiles.yml", "selectors.yml", "pyproject.toml", "Makefile", "macros", "models", "seeds", "tests", "analyses",
                   "jsi_apps", "tools"]


def copy_project(destination: Path) -> Path:
    """Copy the dbt project (not its build output) into `destination` and link the venv."""
    destination.mkdir(parents=True, exist_ok=True)
    for entry in PROJECT_ENTRIES:
        source = PROJECT_ROOT / entry
        if source.is_dir():
            shutil.copytree(source, destination / entry, ignore=shutil.ignore_patterns("__pycache__", ".pytest_cache"))
        else:
            shutil.copy2(source, destination / entry)
    venv = PROJECT_ROOT / ".venv"
    if venv.exists():
        (destination / ".venv").symlink_to(venv)
    return destination


SYNTH = PROJECT_ROOT / "tools" / "bench" / "synth.py"
REGISTER_TABLES = ("incident_events", "incident_victims", "legal_actions", "legal_action_stages")


def synth(out: Path, victims: int, batch: int = 1, seed: int = 42) -> None:
    """A synthetic external register (tools/bench/synth.py): 5 countries, 3 years."""
    subprocess.run([sys.executable, str(SYNTH), "--victims", str(victims), "--batch", str(batch), "--seed", str(seed),
                    "--out", str(out), "--countries", "5", "--years", "3"], check=True, capture_output=True)


def run(cmd: list[str], cwd: Path, warehouse: Path, timeout: int = 1800,
        extra_env: dict | None = None) -> subprocess.CompletedProcess:
    """Run a command in a project copy with its own warehouse path; never touches the real one.
    No external register is read unless `extra_env` names one (JSI_EXTERNAL_REGISTER)."""
    env = dict(os.environ)
    env.pop("JSI_EXTERNAL_REGISTER", None)
    env.update(
        {
            "JSI_WAREHOUSE": str(warehouse),
            "DBT_PROFILES_DIR": str(cwd),
            "DBT_PROJECT_DIR": str(cwd),
            "PATH": f"{VENV_BIN}{os.pathsep}{env.get('PATH', '')}",
            "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
            "NO_COLOR": "1",
        }
    )
    env.update(extra_env or {})
    env.pop("MAKEFLAGS", None)
    env.pop("MAKELEVEL", None)
    return subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="session")
def built_project(tmp_path_factory) -> tuple[Path, Path]:
    """A fresh copy of the project built end to end with `make build` into a temporary file."""
    root = copy_project(tmp_path_factory.mktemp("project"))
    warehouse = root / "warehouse" / "jsi.duckdb"
    result = run(["make", "build"], cwd=root, warehouse=warehouse)
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr[-3000:]
    return root, warehouse


@pytest.fixture(scope="session")
def warehouse_con(built_project):
    """A read-only connection to the end-to-end warehouse."""
    _, warehouse = built_project
    con = duckdb.connect(str(warehouse), read_only=True)
    yield con
    con.close()


def rewrite_seed(path: Path, change) -> None:
    """Read a seed CSV, let `change(rows)` edit the list of row dicts in place, write it back."""
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        fields, rows = reader.fieldnames, list(reader)
    change(rows)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


@pytest.fixture()
def published_copy(built_project, tmp_path) -> tuple[Path, Path]:
    """A disposable project copy whose warehouse file is a published, complete build."""
    root = copy_project(tmp_path / "project")
    _, source_warehouse = built_project
    warehouse = root / "warehouse" / "jsi.duckdb"
    warehouse.parent.mkdir(parents=True)
    warehouse.write_bytes(source_warehouse.read_bytes())
    return root, warehouse


# How many failing-build cases run at once (broken_builds): dbt's parse, most of a failing build,
# is single-threaded, so each core can run a case.
CASE_WORKERS = int(os.environ.get("JSI_TEST_CASE_WORKERS", str(min(2, os.cpu_count() or 1))))


def selected_cases(request, test_name: str, parameter: str = "case") -> set[str]:
    """The cases of a parametrized test that this pytest session runs (all of them unless -k or a
    node id picks some)."""
    return {item.callspec.params[parameter] for item in request.session.items
            if getattr(item, "originalname", None) == test_name and hasattr(item, "callspec")}


def broken_builds(cases: dict, base: Path, source_warehouse: Path | None) -> dict[str, tuple]:
    """`make build` of each case in its own copy of the project, whose warehouse file is a copy of a
    published build (none when `source_warehouse` is None): `cases` maps a name to a function that
    breaks the copy (given its root). CASE_WORKERS cases run at once. Per case: the result, the
    SHA-256 of the warehouse file before and after the build (None where there is no file), and the
    copy's root."""
    import hashlib
    from concurrent.futures import ThreadPoolExecutor

    def digest(path: Path) -> str | None:
        return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else None

    def one(name: str) -> tuple:
        root = copy_project(base / name / "project")
        warehouse = root / "warehouse" / "jsi.duckdb"
        if source_warehouse is not None:
            warehouse.parent.mkdir(parents=True)
            shutil.copyfile(source_warehouse, warehouse)
        before = digest(warehouse)
        cases[name](root)
        result = run(["make", "build"], cwd=root, warehouse=warehouse)
        return result, before, digest(warehouse), root

    with ThreadPoolExecutor(max_workers=CASE_WORKERS) as pool:
        futures = {name: pool.submit(one, name) for name in sorted(cases)}
        return {name: future.result() for name, future in futures.items()}
