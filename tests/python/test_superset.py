"""Apache Superset end to end: the assets kept in superset/assets/ import into a fresh Superset
(its own virtualenv, .venv-superset), the dashboard opens in Debian's Chromium and shows the
numbers the warehouse holds, and a `make build` that republishes the file while the dashboard is
open leaves it answering from the new file.

The bundle checks need only PyYAML and the dbt manifest. The end-to-end test needs
.venv-superset (`make superset-env`, run by `make test`) and /usr/bin/chromium; it is skipped,
with the reason, only when one of them could not be installed.
"""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
import yaml

from browser_support import CHROMIUM, free_port, launch_chromium, open_files, screenshot, wait_until_healthy
from conftest import PROJECT_ROOT, run

sys.path.insert(0, str(PROJECT_ROOT / "superset"))
import setup_superset  # noqa: E402

SUPERSET_PYTHON = PROJECT_ROOT / ".venv-superset" / "bin" / "python"
UNAVAILABLE = PROJECT_ROOT / ".venv-superset.unavailable"
ASSETS = PROJECT_ROOT / "superset" / "assets"
DASHBOARD_SLUG = "jsi-overview"


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def manifest(built_project) -> dict:
    root, _ = built_project
    return json.loads((root / "target" / "manifest.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def bundle(manifest, built_project) -> dict[str, dict]:
    """The import bundle built for the session's warehouse, each file parsed."""
    _, warehouse = built_project
    files = setup_superset.bundle_files(warehouse, manifest)
    return {name.split("/", 1)[1]: yaml.safe_load(text) for name, text in files.items()}


def of_kind(bundle: dict[str, dict], kind: str) -> dict[str, dict]:
    return {config["uuid"]: config for name, config in bundle.items() if name.startswith(f"{kind}/")}


def test_the_warehouse_is_registered_read_only_by_its_absolute_path(bundle, built_project):
    _, warehouse = built_project
    (database,) = of_kind(bundle, "databases").values()
    assert database["sqlalchemy_uri"] == f"duckdb:///{warehouse.resolve()}?access_mode=read_only"
    assert database["allow_dml"] is False and database["allow_csv_upload"] is False


def test_each_dataset_has_the_columns_of_its_dbt_contract(bundle, manifest):
    datasets = of_kind(bundle, "datasets")
    assert {d["table_name"] for d in datasets.values()} >= {"indicator_scorecard", "incidents_monthly", "sdg_16_10_1", "incident_register"}
    models = {(n["schema"], n["alias"]): n for n in manifest["nodes"].values() if n["resource_type"] == "model"}
    for dataset in datasets.values():
        model = models[(dataset["schema"], dataset["table_name"])]
        columns = {c["column_name"]: c for c in dataset["columns"]}
        assert list(columns) == list(model["columns"]), dataset["table_name"]
        for name, column in model["columns"].items():
            assert columns[name]["type"] == column["data_type"].upper()
            assert columns[name]["description"] == column["description"]
        assert [c for c, v in columns.items() if v["is_dttm"]] == [
            c for c, v in model["columns"].items() if v["data_type"] in ("date", "timestamp")
        ]


def test_charts_and_dashboard_reference_only_what_the_bundle_holds(bundle):
    datasets, charts = of_kind(bundle, "datasets"), of_kind(bundle, "charts")
    (dashboard,) = of_kind(bundle, "dashboards").values()
    for chart in charts.values():
        dataset = datasets[chart["dataset_uuid"]]
        metrics = {m["metric_name"] for m in dataset["metrics"]}
        columns = {c["column_name"] for c in dataset["columns"]}
        params = chart["params"]
        named_metrics = [params["metric"]] if "metric" in params else params.get("metrics", [])
        assert set(named_metrics) <= metrics, chart["slice_name"]
        assert named_metrics or params.get("query_mode") == "raw", f"{chart['slice_name']} shows no metric"
        named_columns = params.get("groupby", []) + params.get("groupbyRows", []) + params.get("groupbyColumns", [])
        named_columns += params.get("all_columns", []) + ([params["x_axis"]] if "x_axis" in params else [])
        assert set(named_columns) <= columns, chart["slice_name"]
    placed = {item["meta"]["uuid"] for item in dashboard["position"].values() if isinstance(item, dict) and item.get("type") == "CHART"}
    assert placed == set(charts), "every chart is on the dashboard, and only those"
    for native_filter in dashboard["metadata"]["native_filter_configuration"]:
        (target,) = native_filter["targets"]
        column = target["column"]["name"]
        # the filter narrows every chart, so every dataset must have its column
        assert all(column in {c["column_name"] for c in d["columns"]} for d in datasets.values()), column


def test_a_dataset_without_its_model_stops_the_setup(manifest, tmp_path, built_project):
    _, warehouse = built_project
    assets = tmp_path / "assets"
    for path in ASSETS.rglob("*.yaml"):
        target = assets / path.relative_to(ASSETS)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    renamed = assets / "datasets" / "jsi_warehouse" / "sdg_16_10_1.yaml"
    config = load(renamed)
    config["table_name"] = "sdg_16_10_1_renamed"
    renamed.write_text(yaml.safe_dump(config), encoding="utf-8")
    with pytest.raises(setup_superset.SetupError, match=r"no dbt model is published as marts\.sdg_16_10_1_renamed"):
        setup_superset.bundle_files(warehouse, manifest, assets)

    broken = copy.deepcopy(manifest)
    node = next(n for n in broken["nodes"].values() if n.get("alias") == "incidents_monthly")
    node["columns"]["month_start_date"]["data_type"] = None
    with pytest.raises(setup_superset.SetupError, match=r"incidents_monthly\.month_start_date has no data_type"):
        setup_superset.bundle_files(warehouse, broken)


# --- end to end -------------------------------------------------------------------------------

def superset_missing() -> str | None:
    if SUPERSET_PYTHON.exists():
        return None
    if UNAVAILABLE.exists():
        return f"Superset could not be installed: {UNAVAILABLE.read_text().strip()}"
    return "no .venv-superset: run make superset-env"


def dashboard_defaults() -> dict[str, object]:
    """The country and period the dashboard opens on, as its native filters say."""
    dashboard = load(ASSETS / "dashboards" / "jsi_overview.yaml")
    return {
        f["targets"][0]["column"]["name"]: f["defaultDataMask"]["filterState"]["value"][0]
        for f in dashboard["metadata"]["native_filter_configuration"]
    }


def expected_headlines(warehouse: Path) -> list[str]:
    """The three big numbers of the dashboard, queried from the warehouse directly."""
    period = dashboard_defaults()
    params = [period["country_code"], period["period_year"]]
    with duckdb.connect(str(warehouse), read_only=True) as con:
        incidents, undated = con.execute(
            """select sum(incident_count), sum(incident_count) filter (where month_start_date is null)
               from marts.incidents_monthly where country_code = ? and period_year = ?""", params).fetchone()
        (persons,) = con.execute(
            """select sum(verified_victims) from marts.sdg_16_10_1
               where is_sdg_16_10_1_violation and country_code = ? and period_year = ?""", params).fetchone()
    assert incidents, "the default period has incidents, so the check can fail"
    return [str(int(incidents)), str(int(persons)), str(int(undated or 0))]


def process_tree(pid: int) -> list[int]:
    """The process and its descendants (gunicorn's master and workers)."""
    pids, queue = [], [pid]
    while queue:
        current = queue.pop()
        pids.append(current)
        for task in Path(f"/proc/{current}/task").iterdir():
            children = (task / "children").read_text().split()
            queue.extend(int(child) for child in children)
    return pids


def big_numbers(page) -> list[str]:
    headers = page.locator(".header-line")
    page.wait_for_function("() => document.querySelectorAll('.header-line').length === 3", timeout=120_000)
    return [headers.nth(i).inner_text().strip() for i in range(3)]


@pytest.mark.skipif(not CHROMIUM.exists(), reason=f"no {CHROMIUM}: apt-get install chromium")
@pytest.mark.skipif(superset_missing() is not None, reason=str(superset_missing()))
def test_superset_dashboard_shows_the_warehouse_and_survives_a_republish(published_copy, manifest, tmp_path):
    from playwright.sync_api import sync_playwright

    root, warehouse = published_copy
    manifest_path = tmp_path / "manifest.json"
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    home, log = tmp_path / "superset", tmp_path / "superset.log"
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    password = "jsi-test-password"
    command = [str(SUPERSET_PYTHON), str(PROJECT_ROOT / "superset" / "setup_superset.py"), "--warehouse", str(warehouse),
               "--manifest", str(manifest_path), "--home", str(home), "--serve", str(port)]
    started = time.monotonic()
    with log.open("w") as output:
        server = subprocess.Popen(command, env=dict(os.environ, JSI_SUPERSET_PASSWORD=password),
                                  stdout=output, stderr=subprocess.STDOUT)
    try:
        wait_until_healthy("superset", f"{url}/health", b"OK", server, log, timeout=180)
        print(f"superset set up and serving after {time.monotonic() - started:.0f} s")
        with sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            page = browser.new_page(viewport={"width": 1600, "height": 1400})
            page.goto(f"{url}/login/")
            page.fill("#username", "admin")
            page.fill("#password", password)
            page.keyboard.press("Enter")
            page.wait_for_url("**/superset/welcome/**", timeout=60_000)

            page.goto(f"{url}/superset/dashboard/{DASHBOARD_SLUG}/")
            assert big_numbers(page) == expected_headlines(warehouse)
            page.get_by_text("Incidents by month and category").first.wait_for(timeout=60_000)
            page.locator(".pivot_table_v2, [data-test-viz-type='pivot_table_v2']").first.wait_for(timeout=60_000)
            page.get_by_text("A1", exact=True).first.wait_for(timeout=60_000)  # the scorecard table
            assert screenshot(page, "superset_dashboard.png").stat().st_size > 0

            # Republish while the dashboard is open: the build writes a new file and renames it
            # over the published one; Superset holds no connection (NullPool) and reads the new one.
            before = warehouse.stat().st_ino
            result = run(["make", "build"], cwd=root, warehouse=warehouse)
            assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
            assert warehouse.stat().st_ino != before, "make build published a new file"
            page.reload()
            assert big_numbers(page) == expected_headlines(warehouse)
            # a chart still querying after the reload has the file open for that query: wait up to
            # 60 s for the queries to end, after which no process of Superset may hold it
            deadline = time.monotonic() + 60
            while True:
                held = {path for pid in process_tree(server.pid) for path in open_files(pid)}
                held = {p for p in held if p.name.startswith("jsi.duckdb")}
                if not held or time.monotonic() > deadline:
                    break
                time.sleep(1)
            assert not held, "Superset keeps no warehouse file open"
            screenshot(page, "superset_dashboard_after_republish.png")
            browser.close()
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=30)
