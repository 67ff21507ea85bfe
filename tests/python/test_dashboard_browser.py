"""The dashboard as a person sees it: the static HTML report and the Streamlit app, loaded in
Debian's headless Chromium through Playwright. Every expected number is queried from the same
warehouse; screenshots go to target/screenshots/ (git-ignored) for a human to look at.

Needs /usr/bin/chromium (`apt-get install chromium`, done by .ci/run) and the pinned dashboard packages (pyproject.toml);
each test is skipped, with the reason, when one is missing. The warehouse is $JSI_TEST_WAREHOUSE
if set, else the session's freshly built one (the `built_project` fixture).
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from browser_support import CHROMIUM, free_port, launch_chromium, open_files, screenshot, wait_until_healthy
from conftest import PROJECT_ROOT

DASHBOARD = PROJECT_ROOT / "jsi_apps" / "dashboard.py"
# the static report, run from the project root: the package jsi_apps of this checkout
REPORT_COMMAND = [sys.executable, "-m", "jsi_apps.report"]
INSTALL_HINT = "make venv (installs the pinned toolchain from pyproject.toml)"
# Cells of each row of an HTML table, as the browser renders them.
ROW_CELLS_JS = "rows => rows.map(row => [...row.cells].map(cell => cell.innerText.trim()))"


def installed(module: str) -> bool:
    """Whether a Python package can be imported."""
    return importlib.util.find_spec(module) is not None


pytestmark = [
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"no {CHROMIUM}: apt-get install chromium"),
    pytest.mark.skipif(not installed("playwright"), reason=f"playwright is not installed: {INSTALL_HINT}"),
    pytest.mark.skipif(not installed("plotly"), reason=f"plotly is not installed: {INSTALL_HINT}"),
]


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium, headless, driven by Playwright (never a browser Playwright downloads)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def warehouse(request) -> Path:
    """$JSI_TEST_WAREHOUSE, or the warehouse the session builds from a copy of the project."""
    override = os.environ.get("JSI_TEST_WAREHOUSE")
    if override:
        return Path(override).resolve()
    _, built = request.getfixturevalue("built_project")
    return built


@pytest.fixture(scope="module")
def expected(warehouse: Path) -> dict:
    """The period both pages show by default (first country, its latest year), its total
    incidents and the status of each indicator, queried from the warehouse."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        country, year = con.execute(
            "select country_code, max(period_year) from marts.indicator_scorecard group by 1 order by 1 limit 1"
        ).fetchone()
        period = [country, year]
        (country_name,) = con.execute("select country_name from core.dim_countries where country_code = ?", [country]).fetchone()
        (incidents,) = con.execute(
            "select coalesce(sum(incident_count), 0) from marts.incidents_monthly where country_code = ? and period_year = ?",
            period,
        ).fetchone()
        statuses = con.execute(
            "select indicator_code, assessment_status_name from marts.indicator_scorecard where country_code = ? and period_year = ?",
            period,
        ).fetchall()
    return {"country": country, "country_name": country_name, "year": year, "incidents": int(incidents),
            "statuses": dict(statuses)}


def table_rows(table) -> dict[str, dict[str, str]]:
    """The body rows of an HTML table (a Playwright locator) keyed by their first cell, each
    as {column header: cell text}."""
    (header,) = table.locator("thead tr").evaluate_all(ROW_CELLS_JS)
    rows = table.locator("tbody tr").evaluate_all(ROW_CELLS_JS)
    return {cells[0]: dict(zip(header, cells)) for cells in rows}


def block_network(page) -> list[str]:
    """Abort every request that is not for a local file; return the list of those aborted."""
    blocked: list[str] = []

    def handle(route):
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    page.route("**/*", handle)
    return blocked


def test_static_report_shows_the_warehouse_numbers_offline(browser, warehouse, expected, tmp_path):
    report = tmp_path / "report.html"
    result = subprocess.run(
        [*REPORT_COMMAND, "--warehouse", str(warehouse), "--out", str(report)],
        cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr

    page = browser.new_page(viewport={"width": 1300, "height": 900})
    blocked = block_network(page)
    page.goto(report.as_uri())
    charts = page.locator(".js-plotly-plot")
    charts.last.locator(".main-svg").first.wait_for(timeout=30_000)
    shot = screenshot(page, "report.png")

    assert blocked == [], "the report must be self-contained"
    assert page.inner_text("h1") == f"JSI assessment: {expected['country_name']} {expected['year']}"
    assert page.inner_text("#total-incidents") == str(expected["incidents"])
    rows = table_rows(page.locator("#scorecard"))
    assert {code: row["Status"] for code, row in rows.items()} == expected["statuses"]
    assert charts.count() == 2
    traces = charts.first.evaluate("chart => chart._fullData.map(t => [t.name, Array.from(t.y)])")
    assert sum(sum(y) for _, y in traces) == expected["incidents"], "the monthly bars add up to the period's incidents"
    assert {name for name, _ in traces} <= {"dated", "month unknown"}, "month unknown is its own, visibly different series"
    # the SDG 16.10.1 totals under the cell table are the per-type cells of the mart, never a sum of
    # cells (an incident with victims in two cells is one incident)
    page.locator("#sdg-totals").scroll_into_view_if_needed()
    screenshot(page, "report_sdg_totals.png")
    shown = {code: (int(row["Verified persons"]), int(row["Incidents"]))
             for code, row in table_rows(page.locator("#sdg-totals")).items()}
    with duckdb.connect(str(warehouse), read_only=True) as con:
        mart = {code: (persons, incidents) for code, persons, incidents in con.execute(
            "select sdg_violation_code, verified_victims, verified_incidents from marts.sdg_16_10_1_by_type "
            "where country_code = ? and period_year = ?", [expected["country"], expected["year"]]).fetchall()}
        (summed_f,) = con.execute(
            "select sum(verified_incidents) from marts.sdg_16_10_1 where country_code = ? and period_year = ? "
            "and sdg_violation_code = 'F'", [expected["country"], expected["year"]]).fetchone()
    assert shown == mart
    assert shown["F"][1] < summed_f, "type F's incidents span cells: the total is not their sum"
    assert shot.stat().st_size > 0
    page.close()


@pytest.fixture
def dashboard(warehouse: Path, tmp_path):
    """The Streamlit app on a free localhost port over the test warehouse: (url, process)."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log = tmp_path / "streamlit.log"
    command = [
        sys.executable, "-m", "streamlit", "run", str(DASHBOARD),
        "--server.headless", "true", "--server.address", "127.0.0.1", "--server.port", str(port),
        "--server.fileWatcherType", "none", "--browser.gatherUsageStats", "false",
    ]
    # the dashboard imports the package jsi_apps: this checkout's, first on the path whether or not
    # the project is installed (editable) in the venv
    path = os.pathsep.join(p for p in [str(PROJECT_ROOT), os.environ.get("PYTHONPATH")] if p)
    with log.open("w") as output:
        server = subprocess.Popen(
            command, cwd=PROJECT_ROOT, env=dict(os.environ, JSI_WAREHOUSE=str(warehouse), PYTHONPATH=path),
            stdout=output, stderr=subprocess.STDOUT,
        )
    try:
        wait_until_healthy("streamlit", f"{url}/_stcore/health", b"ok", server, log, timeout=90)
        yield url, server
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=15)


@pytest.mark.skipif(not installed("streamlit"), reason=f"streamlit is not installed: {INSTALL_HINT}")
def test_streamlit_dashboard_renders_the_scorecard(browser, warehouse, expected, dashboard):
    url, server = dashboard
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(url)
    scorecard = page.get_by_test_id("stTable").first
    scorecard.locator("tbody tr").first.wait_for(timeout=60_000)
    page.locator(".js-plotly-plot .main-svg").nth(1).wait_for(timeout=60_000)
    # Streamlit scrolls inside its own container: grow the viewport to hold the whole page.
    height = page.get_by_test_id("stMain").evaluate("main => main.scrollHeight")
    page.set_viewport_size({"width": 1400, "height": min(height + 100, 8000)})
    shot = screenshot(page, "dashboard.png")

    assert f"JSI assessment: {expected['country_name']} {expected['year']}" in page.inner_text("h1")
    rows = table_rows(scorecard)
    assert {code: row["Status"] for code, row in rows.items()} == expected["statuses"]
    incidents = page.get_by_test_id("stMetric").filter(has_text="Incidents of the period")
    assert str(expected["incidents"]) in incidents.inner_text()
    assert warehouse not in open_files(server.pid), "the app must close its connection after each query"
    assert shot.stat().st_size > 0
    page.close()


def public_rows(warehouse: Path, where: str, params: list) -> list[tuple[str, str]]:
    """(incident, victim label) of the public register rows a filter should keep, queried here."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return sorted(con.execute(
            f"select event_id, victim_label from public.incident_register where {where}", params
        ).fetchall())


def csv_rows(text: str) -> list[tuple[str, str]]:
    import csv
    import io

    return sorted((r["Incident"], r["Victim"]) for r in csv.DictReader(io.StringIO(text)))


def category_names(warehouse: Path) -> list[str]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return [r[0] for r in con.execute("select category_name from marts.methodology_categories").fetchall()]


def test_static_report_filters_the_incident_table_and_exports_what_it_shows(browser, warehouse, expected, tmp_path):
    report = tmp_path / "report.html"
    result = subprocess.run(
        [*REPORT_COMMAND, "--warehouse", str(warehouse), "--out", str(report)],
        cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    page = browser.new_page(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    blocked = block_network(page)
    page.goto(report.as_uri())
    page.select_option('#incident-filters select[data-field="category"]', "Detention")
    want = public_rows(warehouse, "event_country_code = ? and category_name = 'Detention'", [expected["country"]])
    assert want, "the period has detentions"
    assert page.inner_text("#rows-shown") == f"{len(want)} rows shown"
    visible = page.locator("#incident-table tbody tr:visible")
    assert visible.count() == len(want)
    with page.expect_download() as download:
        page.click("#download-csv")
    assert csv_rows(Path(download.value.path()).read_text(encoding="utf-8")) == want
    page.locator("#incident-table").scroll_into_view_if_needed()
    screenshot(page, "report_incidents_detention.png")
    page.click("#methodology-details > summary")  # the methodology is folded: a reader opens it
    methodology_text = page.inner_text("#methodology-categories")
    assert all(name in methodology_text for name in category_names(warehouse))
    assert blocked == []
    page.close()


def wait_for_text(page, selector: str, timeout: int = 60_000):
    page.locator(selector).first.wait_for(timeout=timeout)
    return page.locator(selector).first


def grow_to_page(page) -> None:
    height = page.get_by_test_id("stMain").evaluate("main => main.scrollHeight")
    page.set_viewport_size({"width": 1400, "height": min(height + 100, 8000)})


@pytest.mark.skipif(not installed("streamlit"), reason=f"streamlit is not installed: {INSTALL_HINT}")
def test_streamlit_explorer_filters_downloads_and_shows_one_incident(browser, warehouse, expected, dashboard):
    url, server = dashboard
    country = expected["country"]
    page = browser.new_page(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    page.goto(f"{url}/?view=explorer&country={country}&category=detention")
    counter = wait_for_text(page, "#rows-shown")
    want = public_rows(warehouse, "event_country_code = ? and category_code = 'detention'", [country])
    assert counter.inner_text() == f"{len(want)} rows shown"
    with page.expect_download() as download:
        page.get_by_test_id("stDownloadButton").locator("button").click()
    assert csv_rows(Path(download.value.path()).read_text(encoding="utf-8")) == want
    grow_to_page(page)
    screenshot(page, "explorer_detention.png")

    # a year, as a person shares it in the URL (the sidebar's multiselect then holds it): the page
    # used to crash on the widget's numpy year
    page.goto(f"{url}/?view=explorer&country={country}&year=2020")
    counter = wait_for_text(page, "#rows-shown")
    want = public_rows(warehouse, "event_country_code = ? and event_year = 2020", [country])
    assert counter.inner_text() == f"{len(want)} rows shown"
    assert "NotImplementedException" not in page.get_by_test_id("stMain").inner_text()
    screenshot(page, "explorer_year.png")

    page.goto(f"{url}/?view=explorer&country={country}&event=KZ-2020-EV-001")
    detail = wait_for_text(page, "#incident-detail")
    assert "KZ-2020-EV-001" in detail.inner_text() and "Killing" in detail.inner_text()
    page.get_by_test_id("stTable").filter(has_text="CPJ-0668").first.wait_for(timeout=60_000)
    body = page.get_by_test_id("stMain").inner_text()
    assert "CPJ-0668" in body, "the detail lists every source record of the event"
    assert "Convicted" in body, "the detail shows the legal case through its stages"
    grow_to_page(page)
    screenshot(page, "explorer_detail.png")

    page.goto(f"{url}/?view=methodology")
    page.get_by_text("SDG 16.10.1 counting rules").wait_for(timeout=60_000)
    text = page.get_by_test_id("stMain").inner_text()
    assert all(name in text for name in category_names(warehouse))
    grow_to_page(page)
    screenshot(page, "methodology.png")
    assert warehouse not in open_files(server.pid)
    page.close()
