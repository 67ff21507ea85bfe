"""Apache Superset end to end: the assets kept in superset/assets/ import into a fresh Superset
(its own virtualenv, .venv-superset), the dashboard opens in Debian's Chromium and shows the
numbers the warehouse holds, and a `make build` that republishes the file while the dashboard is
open leaves it answering from the new file.

The end-to-end test reads the page as a person does: every big number and every cell and total of
the SDG 16.10.1 pivot, for the default period (Kazakhstan 2020) and for Mexico 2016 picked in the
filter bar, each compared with the mart cell it shows, queried here with DuckDB; and no raw field
name (snake_case) on the page.

The bundle checks need only PyYAML and the dbt manifest. The end-to-end test needs
.venv-superset (`make superset-env`, run by `make test`) and /usr/bin/chromium; it is skipped,
with the reason, only when one of them could not be installed.
"""

from __future__ import annotations

import copy
import json
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.parse
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


def uri_settings(uri: str) -> tuple[str, dict[str, str]]:
    """The database file and the DuckDB settings of a duckdb:/// URI, as duckdb-engine reads them
    (the query becomes duckdb.connect's config)."""
    parts = urllib.parse.urlsplit(uri)
    assert parts.scheme == "duckdb"
    return parts.path[1:], dict(urllib.parse.parse_qsl(parts.query))


def test_the_warehouse_is_registered_read_only_by_its_absolute_path_without_file_access(bundle, built_project):
    _, warehouse = built_project
    (database,) = of_kind(bundle, "databases").values()
    path, settings = uri_settings(database["sqlalchemy_uri"])
    assert path == str(warehouse.resolve())
    assert settings["access_mode"] == "read_only"
    assert settings["enable_external_access"] == "false" and settings["lock_configuration"] == "true"
    assert database["allow_dml"] is False and database["allow_csv_upload"] is False
    assert database["expose_in_sqllab"] is False, "not in SQL Lab"
    assert database["extra"]["allows_virtual_table_explore"] is False, "no dataset written in SQL"


# What the locked connection must refuse: reading, writing and attaching another file, loading an
# extension, turning the setting back on, writing the warehouse.
FORBIDDEN = {
    "read a local file": "select * from read_text('/etc/hostname')",
    "read a CSV file": "select * from read_csv('/etc/passwd')",
    "write a file": "copy (select 42) to '{out}'",
    "attach another database": "attach '{out}.duckdb' as other",
    "load an extension": "load httpfs",
    "turn file access back on": "set enable_external_access = true",
    "write the warehouse": "create table public.intruder (a integer)",
}


def test_the_locked_connection_refuses_files_and_writes(bundle, tmp_path):
    """duckdb.connect with the URI's settings, as duckdb-engine opens Superset's connections: every
    statement of FORBIDDEN fails and writes nothing, while the published tables read. Without the
    settings the same file reads /etc/hostname, so the check can fail."""
    (database,) = of_kind(bundle, "databases").values()
    published, settings = uri_settings(database["sqlalchemy_uri"])
    # a copy: another connection of this process (the session's warehouse_con) may hold the file
    # with other settings, and DuckDB opens one file with one configuration per process
    path = str(tmp_path / "jsi.duckdb")
    shutil.copyfile(published, path)
    out = tmp_path / "leak.csv"
    with duckdb.connect(path, read_only=True) as open_connection:
        assert open_connection.execute("select count(*) from read_text('/etc/hostname')").fetchone() == (1,)
    with duckdb.connect(path, config=settings) as con:
        (rows,) = con.execute("select count(*) from public.incident_register").fetchone()
        assert rows > 0
        for what, sql in FORBIDDEN.items():
            with pytest.raises(duckdb.Error):
                con.execute(sql.format(out=out))
                pytest.fail(f"the connection could {what}")
    assert not out.exists() and not Path(f"{out}.duckdb").exists()


def test_each_dataset_has_the_columns_of_its_dbt_contract(bundle, manifest):
    datasets = of_kind(bundle, "datasets")
    assert {(d["schema"], d["table_name"]) for d in datasets.values()} >= {
        ("public", "indicator_scorecard"), ("marts", "incidents_monthly"), ("marts", "sdg_16_10_1"), ("public", "incident_register")}
    models = {(n["schema"], n["alias"]): n for n in manifest["nodes"].values() if n["resource_type"] == "model"}
    for dataset in datasets.values():
        model = models[(dataset["schema"], dataset["table_name"])]
        # the model's columns, then the calculated ones the dataset's YAML adds (an expression each)
        columns = {c["column_name"]: c for c in dataset["columns"] if c["expression"] is None}
        assert list(columns) == list(model["columns"]), dataset["table_name"]
        for name, column in model["columns"].items():
            assert columns[name]["type"] == column["data_type"].upper()
            assert columns[name]["description"] == column["description"]
        assert [c for c, v in columns.items() if v["is_dttm"]] == [
            c for c, v in model["columns"].items() if v["data_type"] in ("date", "timestamp")
        ]


def shown_columns(params: dict) -> list:
    """The dimensions a chart shows: column names, or adhoc columns (a labelled SQL expression)."""
    named = params.get("groupby", []) + params.get("groupbyRows", []) + params.get("groupbyColumns", [])
    return named + params.get("all_columns", []) + ([params["x_axis"]] if "x_axis" in params else [])


def shown_metrics(params: dict) -> list[str]:
    return [params["metric"]] if "metric" in params else params.get("metrics", [])


def test_charts_and_dashboard_reference_only_what_the_bundle_holds(bundle):
    datasets, charts = of_kind(bundle, "datasets"), of_kind(bundle, "charts")
    (dashboard,) = of_kind(bundle, "dashboards").values()
    for chart in charts.values():
        dataset = datasets[chart["dataset_uuid"]]
        metrics = {m["metric_name"] for m in dataset["metrics"]}
        columns = {c["column_name"] for c in dataset["columns"]}
        params = chart["params"]
        named_metrics = shown_metrics(params)
        assert set(named_metrics) <= metrics, chart["slice_name"]
        assert named_metrics or params.get("query_mode") == "raw", f"{chart['slice_name']} shows no metric"
        for column in shown_columns(params):
            if isinstance(column, dict):  # adhoc: every name in its expression is a column of the dataset
                names = set(re.findall(r"[a-z_][a-z0-9_]*", column["sqlExpression"]))
                assert names <= columns, (chart["slice_name"], names - columns)
            else:
                assert column in columns, (chart["slice_name"], column)
        filtered = {f["subject"] for f in params.get("adhoc_filters", []) if f.get("subject")}
        assert filtered <= columns, chart["slice_name"]
    placed = {item["meta"]["uuid"] for item in dashboard["position"].values() if isinstance(item, dict) and item.get("type") == "CHART"}
    assert placed == set(charts), "every chart is on the dashboard, and only those"
    for native_filter in dashboard["metadata"]["native_filter_configuration"]:
        (target,) = native_filter["targets"]
        column = target["column"]["name"]
        # the filter narrows every chart, so the dataset of every chart must have its column
        read = {chart["dataset_uuid"] for chart in charts.values()}
        assert all(column in {c["column_name"] for c in datasets[uuid]["columns"]} for uuid in read), column


def test_every_dataset_reads_the_public_schema_or_a_checked_aggregate(bundle, manifest):
    """The public schema has the confidentiality rule applied; an aggregate of marts is allowed only
    by name (setup_superset.AGGREGATES), and only with the columns checked for it, which hold no
    name, no person's key and no free text: none is a column that public.incident_register or
    public.indicator_scorecard withholds."""
    withheld_texts = {"victim_name", "victim_label", "victim_key", "event_summary", "perpetrator_description",
                      "source_record_locator", "finding", "headline_description", "headline_stated_as",
                      "headline_source_locator"}
    for dataset in of_kind(bundle, "datasets").values():
        where = (dataset["schema"], dataset["table_name"])
        if dataset["schema"] != "public":
            assert where in setup_superset.AGGREGATES, where
            assert not {c["column_name"] for c in dataset["columns"]} & withheld_texts, where
    public = {n["alias"]: set(n["columns"]) for n in manifest["nodes"].values() if n.get("schema") == "public"}
    assert withheld_texts <= public["incident_register"] | public["indicator_scorecard"], "the list names real columns"


def copy_assets(tmp_path: Path) -> Path:
    assets = tmp_path / "assets"
    shutil.copytree(ASSETS, assets)
    return assets


def test_a_dataset_outside_the_public_schema_stops_the_setup(manifest, built_project, tmp_path):
    _, warehouse = built_project
    assets = copy_assets(tmp_path)
    register = assets / "datasets" / "jsi_warehouse" / "incident_register.yaml"
    config = load(register)
    config["schema"] = "marts"
    register.write_text(yaml.safe_dump(config), encoding="utf-8")
    with pytest.raises(setup_superset.SetupError, match=r"the dataset marts\.incident_register reads outside the public schema"):
        setup_superset.bundle_files(warehouse, manifest, assets)


def test_an_aggregate_with_an_unchecked_column_stops_the_setup(manifest, built_project):
    """A column an allowed aggregate gains (here a summary) stops the setup until it is checked."""
    _, warehouse = built_project
    broken = copy.deepcopy(manifest)
    node = next(n for n in broken["nodes"].values() if n.get("alias") == "incidents_monthly")
    node["columns"]["event_summary"] = {"name": "event_summary", "data_type": "string", "description": "a summary"}
    with pytest.raises(setup_superset.SetupError, match=r"marts\.incidents_monthly has columns no one has checked .*: event_summary"):
        setup_superset.bundle_files(warehouse, broken)


def test_the_admin_password_is_given_or_generated_and_kept_for_its_owner_only(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    with pytest.raises(setup_superset.SetupError, match="fewer than 12 characters"):
        setup_superset.admin_password(home, "admin")
    first, generated = setup_superset.admin_password(home, None)
    kept = home / setup_superset.PASSWORD_FILE
    assert generated and len(first) >= 20 and first != "admin"
    assert kept.stat().st_mode & 0o777 == 0o600
    assert kept.read_text().strip() == first
    assert setup_superset.admin_password(home, None) == (first, False), "the next run keeps it and says it no more"
    other, _ = setup_superset.admin_password(tmp_path, None)
    assert other != first, "random, one per home"
    assert setup_superset.admin_password(home, "a given passphrase") == ("a given passphrase", False)
    assert not kept.exists(), "a given password replaces the generated one, which is then wrong"


SNAKE_CASE = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")


def test_every_column_and_metric_the_dashboard_shows_has_a_label_from_the_assets(bundle):
    """Superset shows a column's or metric's verbose name; the dashboard's are written in the assets
    (column_labels, metric verbose_name, an adhoc column's label), never derived from the dbt name."""
    datasets, charts = of_kind(bundle, "datasets"), of_kind(bundle, "charts")
    sources = {load(p)["uuid"]: load(p) for p in (ASSETS / "datasets").rglob("*.yaml")}
    for chart in charts.values():
        labels = sources[chart["dataset_uuid"]].get("column_labels", {})
        calculated = {c["column_name"]: c for c in sources[chart["dataset_uuid"]].get("calculated_columns", [])}
        dataset = datasets[chart["dataset_uuid"]]
        for column in shown_columns(chart["params"]):
            label = column["label"] if isinstance(column, dict) else labels.get(column) or calculated[column]["verbose_name"]
            assert label and not SNAKE_CASE.search(label), (chart["slice_name"], column)
        verbose = {m["metric_name"]: m.get("verbose_name") for m in dataset["metrics"]}
        for metric in shown_metrics(chart["params"]):
            assert verbose[metric] and not SNAKE_CASE.search(verbose[metric]), (chart["slice_name"], metric)
        assert not SNAKE_CASE.search(chart["slice_name"] + " " + chart["params"].get("subheader", ""))
    (dashboard,) = of_kind(bundle, "dashboards").values()
    for native_filter in dashboard["metadata"]["native_filter_configuration"]:
        assert not SNAKE_CASE.search(native_filter["name"])


def test_the_sdg_table_counts_what_the_headline_counts(bundle):
    """The pivot of SDG 16.10.1 shows the headline's metric on the headline's rows only (types A-F),
    so its grand total is the headline; the deprivations whose arbitrariness is not established
    have their own number."""
    charts = {c["slice_name"]: c for c in of_kind(bundle, "charts").values()}
    pivot, headline = charts["SDG 16.10.1 verified persons by type and sex"], charts["SDG 16.10.1 verified persons"]
    assert pivot["params"]["metrics"] == [headline["params"]["metric"]]
    (dataset,) = [d for d in of_kind(bundle, "datasets").values() if d["uuid"] == pivot["dataset_uuid"]]
    expression = {m["metric_name"]: m["expression"] for m in dataset["metrics"]}[headline["params"]["metric"]]
    assert "filter (where is_sdg_16_10_1_violation)" in expression
    assert {"subject": "is_sdg_16_10_1_violation", "operator": "IS TRUE"}.items() <= pivot["params"]["adhoc_filters"][0].items()
    assert charts["Deprivations of liberty, arbitrariness not established"]["params"]["metric"] == "deprivation_not_established_persons"


def test_a_label_for_a_column_the_model_lacks_stops_the_setup(manifest, built_project, tmp_path):
    _, warehouse = built_project
    assets = tmp_path / "assets"
    for path in ASSETS.rglob("*.yaml"):
        target = assets / path.relative_to(ASSETS)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    labelled = assets / "datasets" / "jsi_warehouse" / "sdg_16_10_1.yaml"
    config = load(labelled)
    config["column_labels"]["sdg_gender_name"] = "Gender"
    labelled.write_text(yaml.safe_dump(config), encoding="utf-8")
    with pytest.raises(setup_superset.SetupError, match=r"marts\.sdg_16_10_1: column_labels name columns the model lacks: sdg_gender_name"):
        setup_superset.bundle_files(warehouse, manifest, assets)


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


def test_the_sdg_cells_partition_the_persons_of_a_type(warehouse_con):
    """The pivot and the headline sum sdg_16_10_1's per-cell distinct counts of persons. That sum is
    the type's number of persons only if each person of a type and period is in one cell (one victim
    group, sex and perpetrator status): no person has two, and each type's cells add up to its row of
    sdg_16_10_1_by_type. Across types a person counts once in each type (the indicator's unit)."""
    (split,) = warehouse_con.execute(
        """select count(*) from (
               select country_code, period_year, sdg_violation_code, victim_key
               from marts.sdg_16_10_1_victims where dating = 'in_period'
               group by all
               having count(distinct (sdg_victim_group, sdg_sex, sdg_perpetrator_status)) > 1)""").fetchone()
    assert split == 0
    (persons,) = warehouse_con.execute(
        "select count(distinct victim_key) from marts.sdg_16_10_1_victims where dating = 'in_period'").fetchone()
    assert persons > 0, "there are persons to split"
    (mismatched,) = warehouse_con.execute(
        """select count(*) from marts.sdg_16_10_1_by_type as types
           full join (select country_code, period_year, sdg_violation_code, sum(verified_victims) as persons
                      from marts.sdg_16_10_1 group by all) as cells
               using (country_code, period_year, sdg_violation_code)
           where types.verified_victims is distinct from cells.persons""").fetchone()
    assert mismatched == 0


# --- end to end -------------------------------------------------------------------------------

def superset_missing() -> str | None:
    if SUPERSET_PYTHON.exists():
        return None
    if UNAVAILABLE.exists():
        return f"Superset could not be installed: {UNAVAILABLE.read_text().strip()}"
    return "no .venv-superset: run make superset-env"


def dashboard_defaults() -> tuple[str, int]:
    """The country (its name) and period the dashboard opens on, as its native filters say."""
    dashboard = load(ASSETS / "dashboards" / "jsi_overview.yaml")
    value = {
        f["targets"][0]["column"]["name"]: f["defaultDataMask"]["filterState"]["value"][0]
        for f in dashboard["metadata"]["native_filter_configuration"]
    }
    return value["country_name"], value["period_year"]


def country_code(warehouse: Path, name: str) -> str:
    """The ISO code of a country the page names, from the warehouse's dimension."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        (code,) = con.execute("select country_code from core.dim_countries where country_name = ?", [name]).fetchone()
    return code


# The big numbers, by chart name, in the order of the dashboard's first row.
HEADLINES = ("Incident records of the period", "Incident records dated by year only",
             "SDG 16.10.1 verified persons", "Deprivations of liberty, arbitrariness not established")
PIVOT_TOTAL = "Total (Sum)"


def expected_headlines(warehouse: Path, country: str, year: int) -> dict[str, str]:
    """The four big numbers, each from the warehouse cell that says it (not from the datasets Superset
    reads, where one exists): the incident records the register counts for the period
    (register_counts, incidents_analysed, no breakdown), the records of the period dated by year only
    (fct_incidents), the SDG 16.10.1 persons of types A-F and the deprivations of liberty whose
    arbitrariness is not established (sdg_16_10_1_by_type, one row per type)."""
    params = [country, year]
    with duckdb.connect(str(warehouse), read_only=True) as con:
        (records,) = con.execute(
            """select register_value from marts.register_counts
               where metric = 'incidents_analysed' and dimension_1_name is null and reference_year = period_year
                 and country_code = ? and period_year = ?""", params).fetchone()
        (undated,) = con.execute(
            """select count(*) from core.fct_incidents
               where event_year = period_year and event_month is null and country_code = ? and period_year = ?""",
            params).fetchone()
        (persons,) = con.execute(
            """select sum(verified_victims) from marts.sdg_16_10_1_by_type
               where is_sdg_16_10_1_violation and country_code = ? and period_year = ?""", params).fetchone()
        (not_established,) = con.execute(
            """select verified_victims from marts.sdg_16_10_1_by_type
               where sdg_violation_code = 'deprivation_not_established' and country_code = ? and period_year = ?""",
            params).fetchone()
    assert records and persons, f"{country} {year} has incidents and SDG persons, so the check can fail"
    return dict(zip(HEADLINES, (str(int(v)) for v in (records, undated, persons, not_established))))


def expected_pivot(warehouse: Path, country: str, year: int) -> dict[tuple[str, str], str]:
    """Every cell and total of the SDG 16.10.1 pivot, keyed (violation type, sex) as the page labels
    them: a cell sums the mart's cells of the type and sex (over victim group and perpetrator); a
    type's total is its row of sdg_16_10_1_by_type; a sex's total and the grand total sum the types'
    persons, as the headline does (right because one person is in one sex per type, see
    test_the_sdg_cells_partition_the_persons_of_a_type)."""
    params = [country, year]
    label = "sdg_violation_code || '. ' || sdg_violation_name"
    where = "where is_sdg_16_10_1_violation and country_code = ? and period_year = ?"
    with duckdb.connect(str(warehouse), read_only=True) as con:
        cells = con.execute(f"select {label}, sdg_sex_name, sum(verified_victims) from marts.sdg_16_10_1 {where} group by all",
                            params).fetchall()
        types = con.execute(f"select {label}, verified_victims from marts.sdg_16_10_1_by_type {where}", params).fetchall()
        sexes = con.execute(f"select sdg_sex_name, sum(verified_victims) from marts.sdg_16_10_1 {where} group by all",
                            params).fetchall()
        (grand,) = con.execute(f"select sum(verified_victims) from marts.sdg_16_10_1_by_type {where}", params).fetchone()
    expected = {(kind, sex): value for kind, sex, value in cells}
    expected |= {(kind, PIVOT_TOTAL): value for kind, value in types}
    expected |= {(PIVOT_TOTAL, sex): value for sex, value in sexes}
    expected[(PIVOT_TOTAL, PIVOT_TOTAL)] = grand
    return {key: str(int(value)) for key, value in expected.items()}


def read_big_numbers(page) -> dict[str, str]:
    """The number each big-number chart shows, as the page renders it (None while one is missing)."""
    numbers = {}
    for name in HEADLINES:
        number = page.locator(f'[data-test-chart-name="{name}"] .header-line')
        if number.count() != 1:
            return None
        numbers[name] = number.inner_text().strip()
    return numbers


READ_PIVOT = """() => {
    const table = document.querySelector('table.pvtTable');
    if (!table) return null;
    const sexes = [...table.querySelectorAll('thead th.pvtColLabel.hoverable')].map(th => th.innerText.trim());
    const cells = {};
    for (const row of table.querySelectorAll('tbody tr')) {
        const [head, ...values] = [...row.children].map(cell => cell.innerText.trim());
        [...sexes, 'TOTAL'].forEach((sex, i) => { cells[head + '\u0000' + sex] = values[i]; });
    }
    return cells;
}"""


def read_pivot(page) -> dict[tuple[str, str], str] | None:
    """Every cell and total of the pivot as the page shows them, keyed (row label, column label)."""
    cells = page.evaluate(READ_PIVOT)
    if cells is None:
        return None
    return {(row, PIVOT_TOTAL if column == "TOTAL" else column): value
            for key, value in cells.items() for row, column in [key.split("\u0000")]}


def settled(page, read, timeout: float = 120):
    """What `read` sees once the charts have stopped loading and it reads the same three times."""
    deadline, seen = time.monotonic() + timeout, []
    while time.monotonic() < deadline:
        loading = page.locator(".dashboard-chart .loading, [data-test='loading-indicator']").count()
        value = None if loading else read(page)
        seen = (seen + [value])[-3:]
        if value is not None and len(seen) == 3 and seen.count(value) == 3:
            return value
        time.sleep(1)
    charts = page.evaluate("() => [...document.querySelectorAll('[data-test-chart-name]')].map(e => e.dataset.testChartName)")
    pytest.fail(f"the dashboard did not settle within {timeout} s: {read.__name__} saw {seen[-1:]}; charts on the page: {charts}")


def page_headers(page) -> list[str]:
    """What a person reads as headings: chart titles, table and pivot headers, filter names, the
    big numbers' captions and the bar chart's legend."""
    return page.evaluate("""() => [...document.querySelectorAll(
        '[data-test="editable-title"], .header-title, th, .filter-item-name, [data-test="filter-control-name"], '
        + '.subheader-line, .dashboard-chart text, [data-test-chart-name]')].map(e => e.innerText || e.textContent)""")


def check_the_page(page, warehouse: Path, country_name: str, year: int) -> None:
    """Every number of the headline row and of the pivot equals its warehouse cell, the pivot's grand
    total equals the headline it sits under, the country filter shows the country's name and its ISO
    code shows nowhere, and no raw field name shows."""
    country = country_code(warehouse, country_name)
    headlines = expected_headlines(warehouse, country, year)
    assert settled(page, read_big_numbers) == headlines, f"{country} {year}"
    pivot = settled(page, read_pivot)
    assert pivot == expected_pivot(warehouse, country, year), f"{country} {year}"
    assert pivot[(PIVOT_TOTAL, PIVOT_TOTAL)] == headlines["SDG 16.10.1 verified persons"]
    shown = [text for text in page_headers(page) if text and SNAKE_CASE.search(text)]
    assert not shown, f"raw field names on the page: {shown}"
    body = page.locator("#app").inner_text()
    assert not SNAKE_CASE.findall(body), f"codes on the page: {sorted(set(SNAKE_CASE.findall(body)))}"
    chosen = page.locator('[data-test="form-item-value"]:near(:text("Country"))').first.inner_text()
    assert country_name in chosen, f"the country filter shows {chosen!r}"
    assert not re.search(rf"\b{country}\b", body), f"the ISO code {country} is on the page"


def pick(page, filter_name: str, value: str) -> None:
    """Choose a value in one of the dashboard's filters, as a person does: open, type, choose."""
    control = page.locator(f'[data-test="form-item-value"]:near(:text("{filter_name}"))').first
    control.click()
    page.keyboard.type(value)
    page.locator(f'.ant-select-item-option[title="{value}"], .ant-select-item-option:has-text("{value}")').first.click()
    page.keyboard.press("Escape")


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


def log_in(page, url: str, password: str) -> None:
    page.goto(f"{url}/login/")
    page.fill("#username", "admin")
    page.fill("#password", password)
    page.keyboard.press("Enter")
    page.wait_for_load_state("networkidle")


# Run by Superset's interpreter in the test's home: the engine Superset builds for the JSI database
# from its stored URI, as every chart query uses it. Prints one JSON line: what each statement did.
SUPERSET_ENGINE_PROBE = """
import json, sys
from superset.app import create_app
app = create_app()
with app.app_context():
    from sqlalchemy import text
    from superset.extensions import db
    from superset.models.core import Database
    database = db.session.query(Database).filter_by(database_name="JSI warehouse").one()
    outcome = {"expose_in_sqllab": database.expose_in_sqllab}
    for name, sql in json.loads(sys.argv[1]).items():
        try:
            with database.get_sqla_engine() as engine, engine.connect() as connection:
                outcome[name] = ["ok", [list(row) for row in connection.execute(text(sql)).fetchall()]]
        except Exception as error:
            outcome[name] = ["refused", str(error).splitlines()[0]]
    print(json.dumps(outcome))
"""


def check_the_connection_superset_opens(home: Path, warehouse: Path) -> None:
    """Through the SQLAlchemy engine Superset builds for the imported database: the published tables
    read (as many rows as DuckDB counts), every statement of FORBIDDEN is refused, nothing written."""
    out = home.parent / "superset_leak.csv"
    statements = {"count": "select count(*) from public.incident_register"}
    statements |= {what: sql.format(out=out) for what, sql in FORBIDDEN.items()}
    result = subprocess.run([str(SUPERSET_PYTHON), "-c", SUPERSET_ENGINE_PROBE, json.dumps(statements)],
                            env=setup_superset.superset_env(home), capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    with duckdb.connect(str(warehouse), read_only=True) as con:
        (rows,) = con.execute("select count(*) from public.incident_register").fetchone()
    assert outcome["count"] == ["ok", [[rows]]]
    assert outcome["expose_in_sqllab"] is False
    for what in FORBIDDEN:
        assert outcome[what][0] == "refused", f"Superset's connection could {what}: {outcome[what]}"
    assert "disabled by configuration" in outcome["read a local file"][1]
    assert not out.exists()


def check_sql_lab_is_closed(page, url: str) -> None:
    """Logged in as the admin: SQL Lab's page and its API answer no (403 or a redirect away), with
    a valid CSRF token, so the refusal is the permission's; no database is offered to SQL Lab."""
    token = page.request.get(f"{url}/api/v1/security/csrf_token/").json()["result"]
    databases = page.request.get(f"{url}/api/v1/database/").json()["result"]
    (jsi,) = [d for d in databases if d["database_name"] == "JSI warehouse"]
    assert jsi["expose_in_sqllab"] is False
    execute = page.request.post(f"{url}/api/v1/sqllab/execute/", headers={"X-CSRFToken": token, "Referer": url},
                                data={"database_id": jsi["id"], "sql": "select * from read_text('/etc/hostname')",
                                      "runAsync": False, "schema": "public"})
    assert execute.status == 403, (execute.status, execute.text()[:500])
    editor = page.request.get(f"{url}/sqllab/", max_redirects=0)
    assert editor.status in (302, 403), editor.status
    page.goto(f"{url}/superset/welcome/")
    page.get_by_text("Dashboards", exact=True).first.wait_for(timeout=60_000)
    texts = set(page.evaluate("() => [...document.querySelectorAll('body *')].map(e => (e.innerText || '').trim())"))
    assert {"Dashboards", "Charts", "Datasets"} <= texts, "the menu was read"
    assert not {"SQL", "SQL Lab", "SQL Editor"} & texts, "no SQL menu"


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
    env = {k: v for k, v in os.environ.items() if k != "JSI_SUPERSET_PASSWORD"}  # the setup generates one
    command = [str(SUPERSET_PYTHON), str(PROJECT_ROOT / "superset" / "setup_superset.py"), "--warehouse", str(warehouse),
               "--manifest", str(manifest_path), "--home", str(home), "--serve", str(port)]
    # An earlier import into the same home (an older pivot that adds the non-SDG row, an older
    # chart title) must be overwritten by the next setup, as a re-run of make superset does.
    old_assets = tmp_path / "old_assets"
    shutil.copytree(ASSETS, old_assets)
    old_pivot = old_assets / "charts" / "sdg_16_10_1_by_type_and_sex.yaml"
    config = load(old_pivot)
    config["params"]["adhoc_filters"] = []
    old_pivot.write_text(yaml.safe_dump(config), encoding="utf-8")
    old_headline = old_assets / "charts" / "incidents_of_the_period.yaml"
    config = load(old_headline)
    config["slice_name"] = "Incidents of the period"
    old_headline.write_text(yaml.safe_dump(config), encoding="utf-8")
    earlier = subprocess.run([*command[:-2], "--assets", str(old_assets)], env=env, capture_output=True, text=True, timeout=600)
    assert earlier.returncode == 0, earlier.stdout[-3000:] + earlier.stderr[-3000:]
    # the first setup generated the admin's password, said it once and kept it for its owner only
    kept = home / setup_superset.PASSWORD_FILE
    password = kept.read_text().strip()
    assert kept.stat().st_mode & 0o777 == 0o600 and (home / "secret_key").stat().st_mode & 0o777 == 0o600
    assert f"generated password {password}" in earlier.stdout
    started = time.monotonic()
    with log.open("w") as output:
        server = subprocess.Popen(command, env=env, stdout=output, stderr=subprocess.STDOUT)
    try:
        wait_until_healthy("superset", f"{url}/health", b"OK", server, log, timeout=180)
        print(f"superset set up and serving after {time.monotonic() - started:.0f} s")
        assert password not in log.read_text(), "the second setup does not say the password again"
        assert kept.read_text().strip() == password
        check_the_connection_superset_opens(home, warehouse)
        with sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            page = browser.new_page(viewport={"width": 1600, "height": 1400})
            log_in(page, url, "admin")  # the password of earlier versions
            assert page.request.get(f"{url}/api/v1/me/").status == 401, "admin/admin logs in"
            log_in(page, url, password)
            page.wait_for_url("**/superset/welcome/**", timeout=60_000)
            check_sql_lab_is_closed(page, url)

            page.goto(f"{url}/superset/dashboard/{DASHBOARD_SLUG}/")
            country, year = dashboard_defaults()
            page.get_by_text("Incident records by month and category").first.wait_for(timeout=60_000)
            page.get_by_text("A1", exact=True).first.wait_for(timeout=60_000)  # the scorecard table
            check_the_page(page, warehouse, country, year)
            assert screenshot(page, "superset_dashboard.png").stat().st_size > 0

            # Mexico 2016 (two sources, Article 19 and CPJ), picked by its name in the filter bar:
            # the headline counts records and says so; the SDG numbers are the marts' again
            pick(page, "Country", "Mexico")
            pick(page, "Period", "2016")
            page.get_by_role("button", name="Apply filters").click()
            check_the_page(page, warehouse, "Mexico", 2016)
            page.evaluate("() => window.scrollTo(0, 0)")  # applying scrolled the page; charts redraw
            settled(page, read_big_numbers)
            screenshot(page, "superset_dashboard_mx_2016.png")

            # Republish while the dashboard is open: the build writes a new file and renames it
            # over the published one; Superset holds no connection (NullPool) and reads the new one.
            before = warehouse.stat().st_ino
            result = run(["make", "build"], cwd=root, warehouse=warehouse)
            assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
            assert warehouse.stat().st_ino != before, "make build published a new file"
            page.goto(f"{url}/superset/dashboard/{DASHBOARD_SLUG}/")
            check_the_page(page, warehouse, country, year)
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
