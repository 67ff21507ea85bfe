"""The pages as a person uses them (issue 27): pick a country and a year in the sidebar and through
the URL, filter by each SDG 16.10.1 type, download the CSV and compare it with the table and the
warehouse, read every number of the headline cards and totals and compare each with a mart cell,
and look at the layout. The expected values are queried here from the warehouse's marts, never
read from the page. Screenshots go to target/screenshots/.

Needs /usr/bin/chromium, playwright, plotly and streamlit (skipped, saying which, when missing);
the fixtures `browser`, `warehouse` and `dashboard` are those of test_dashboard_browser.py.
"""

from __future__ import annotations

import csv
import io
import re
import subprocess
from pathlib import Path

import duckdb
import pytest

from browser_support import screenshot
from conftest import PROJECT_ROOT
from test_dashboard_browser import (  # noqa: F401  (fixtures)
    INSTALL_HINT,
    REPORT_COMMAND,
    block_network,
    browser,
    dashboard,
    expected,
    grow_to_page,
    installed,
    pytestmark,
    table_rows,
    warehouse,
)

needs_streamlit = pytest.mark.skipif(not installed("streamlit"), reason=f"streamlit is not installed: {INSTALL_HINT}")


def mart(warehouse: Path, sql: str, params: list | None = None) -> list[tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


def register_rows(warehouse: Path, where: str, params: list) -> list[tuple[str, str]]:
    """(incident, victim label) of the public register rows a filter keeps, queried here."""
    return sorted(mart(warehouse, f"select event_id, victim_label from public.incident_register where {where}", params))


def csv_records(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def whole_number(text: str) -> int:
    return int(re.sub(r"[^0-9-]", "", text))


@pytest.fixture(scope="module")
def report_page(browser, warehouse, tmp_path_factory):
    """The static report of the default period, opened offline in Chromium."""
    report = tmp_path_factory.mktemp("report") / "report.html"
    result = subprocess.run([*REPORT_COMMAND, "--warehouse", str(warehouse), "--out", str(report)],
                            cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    page = browser.new_page(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    blocked = block_network(page)
    page.goto(report.as_uri())
    page.locator(".js-plotly-plot .main-svg").first.wait_for(timeout=30_000)
    yield page
    assert blocked == [], "the report must be self-contained"
    page.close()


def test_the_report_fits_the_window_and_every_headline_number_is_a_mart_cell(report_page, warehouse, expected):
    page = report_page
    country, year = expected["country"], expected["year"]
    width, inner, height = page.evaluate(
        "[document.documentElement.scrollWidth, window.innerWidth, document.documentElement.scrollHeight]")
    assert width <= inner, "the page is no wider than the window: wide tables scroll in their own box"
    assert height < 12_000, f"the page is {height} px long: long tables scroll in their box, long text folds"
    screenshot(page, "report_whole_page.png")

    period = [country, year]
    ((incidents, victims, female, male, unknown, not_person),) = mart(warehouse, """
        select sum(incident_count), sum(victim_count), sum(female_victim_count), sum(male_victim_count),
               sum(unknown_sex_victim_count), sum(not_a_person_victim_count)
        from marts.incidents_monthly where country_code = ? and period_year = ?""", period)
    assert whole_number(page.inner_text("#total-incidents")) == incidents
    assert whole_number(page.inner_text("#total-victims")) == victims
    assert page.inner_text("#victims-by-sex") == (
        f"Victims by sex: female {female}, male {male}, sex unknown {unknown}, not a person {not_person}.")

    ((reported, itemized),) = mart(warehouse, """
        select sum(reported_charges), sum(itemized_charges) from marts.criminal_charges_by_article
        where country_code = ? and period_year = ?""", period)
    assert whole_number(page.inner_text("#reported-charges")) == reported
    assert whole_number(page.inner_text("#itemized-charges")) == itemized
    # the articles are named, never shown as a code (CC-105)
    articles = {row["Article"] for row in page.locator("#criminal-charges tbody tr").evaluate_all(
        "rows => rows.map(r => ({Article: r.cells[0].innerText.trim()}))")}
    names = {name for (name,) in mart(warehouse, "select distinct article_row_name from marts.criminal_charges_by_article "
                                      "where country_code = ? and period_year = ?", period)}
    assert articles == names and not any(re.fullmatch(r"CC-[0-9/]+", a) for a in articles)

    # the scorecard's statuses and reconciliation are labels (no snake_case code)
    rows = table_rows(page.locator("#scorecard"))
    statuses = dict(mart(warehouse, "select indicator_code, headline_reconciliation_status_name from marts.indicator_scorecard "
                         "where country_code = ? and period_year = ?", period))
    assert {code: row["Reconciliation"] for code, row in rows.items()} == statuses
    assert not any("_" in row["Status"] + row["Reconciliation"] for row in rows.values())


def test_the_report_impunity_table_is_each_source_and_all_sources_with_rates_in_percent(report_page, warehouse, expected):
    page = report_page
    page.locator("#impunity").scroll_into_view_if_needed()
    header = page.locator("#impunity thead th").all_inner_texts()
    shown = [dict(zip(header, cells)) for cells in page.locator("#impunity tbody tr").evaluate_all(
        "rows => rows.map(r => [...r.cells].map(c => c.innerText.trim()))")]
    cells = mart(warehouse, """
        select country_name, event_year, source_name, killings, complete_impunity, impunity_rate
        from marts.impunity_by_country where country_code = ? order by event_year, is_all_sources, source_name""",
                 [expected["country"]])
    assert len(shown) == len(cells) > 0
    for row, (country, year, source, killings, impunity, rate) in zip(shown, cells):
        assert (row["Country"], int(row["Year"]), row["Source"]) == (country, year, source)
        assert (int(row["Killings"]), int(row["Complete impunity"])) == (killings, impunity)
        assert row["Impunity rate"] == ("no known outcome" if rate is None else f"{100 * rate:.1f} %")
    assert any(row["Source"] == "All sources, each killing once" for row in shown)
    screenshot(page, "report_impunity.png")


def test_the_report_filters_by_each_sdg_type_and_the_csv_is_the_table_is_the_warehouse(report_page, warehouse, expected):
    page = report_page
    country = expected["country"]
    sdg = page.locator('#incident-filters select[data-field="sdg"]')
    codes = [v for v in sdg.locator("option").evaluate_all("options => options.map(o => o.value)") if v]
    want_codes = {c for (c,) in mart(warehouse, "select distinct sdg_violation_code from public.incident_register "
                                     "where event_country_code = ?", [country])}
    assert set(codes) == want_codes, "the select offers every SDG type of the country's register"
    for code in codes:
        sdg.select_option(code)
        want = register_rows(warehouse, "event_country_code = ? and sdg_violation_code = ?", [country, code])
        assert page.inner_text("#rows-shown") == f"{len(want)} rows shown", code
        table = page.locator("#incident-table tbody tr:visible").evaluate_all(
            "rows => rows.map(r => [r.cells[0].innerText.trim(), r.cells[8].innerText.trim()])")
        with page.expect_download() as download:
            page.click("#download-csv")
        records = csv_records(Path(download.value.path()).read_text(encoding="utf-8"))
        assert sorted((r["Incident"], r["Victim"]) for r in records) == want, code
        assert sorted(tuple(cells) for cells in table) == want, code
        labels = {r["SDG 16.10.1 type"] for r in records}
        names = {n for (n,) in mart(warehouse, "select distinct sdg_violation_name from public.incident_register "
                                    "where sdg_violation_code = ?", [code])}
        assert labels == names and len(labels) == 1, f"one type, one label: {labels}"
    sdg.select_option("")


def test_the_report_filters_by_the_sources_own_category(report_page, warehouse, expected):
    page = report_page
    country = expected["country"]
    own = page.locator('#incident-filters select[data-field="source_category"]')
    values = [v for v in own.locator("option").evaluate_all("options => options.map(o => o.value)") if v]
    assert values, "the register of the period has sources with categories of their own"
    for value in values:
        own.select_option(value)
        if value == "__none__":
            want = register_rows(warehouse, "event_country_code = ? and category_as_reported is null", [country])
        else:
            want = register_rows(warehouse, "event_country_code = ? and category_as_reported = ?", [country, value])
        assert page.inner_text("#rows-shown") == f"{len(want)} rows shown", value
    own.select_option("")


def wait_for(page, selector: str, timeout: int = 60_000):
    page.locator(selector).first.wait_for(timeout=timeout)
    return page.locator(selector).first


def settle(page) -> None:
    """Wait until Streamlit has finished the rerun a widget started."""
    page.wait_for_timeout(500)
    page.get_by_test_id("stStatusWidget").wait_for(state="hidden", timeout=60_000)


def pick(page, label: str, text: str) -> None:
    """Choose an option of a sidebar multiselect as a person does: click it, type, press Enter."""
    box = page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").filter(has_text=label)
    box.locator("input").click()
    page.keyboard.type(text)
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    settle(page)


def streamlit_table(page, heading: str) -> list[dict[str, str]]:
    """The rows of the st.table under a heading, as {header: text}, once it is on the page (Streamlit
    draws a page from the top down: the row counter can be there before the tables below it)."""
    table = page.locator(f"xpath=//h2[contains(., '{heading}')]/following::*[@data-testid='stTable'][1]")
    table.locator("tbody tr").first.wait_for(timeout=60_000)
    header = table.locator("thead th").all_inner_texts()
    rows = table.locator("tbody tr").evaluate_all("rows => rows.map(r => [...r.cells].map(c => c.innerText.trim()))")
    return [dict(zip(header, cells)) for cells in rows]


def metric(page, label: str) -> int:
    card = page.get_by_test_id("stMetric").filter(has=page.get_by_test_id("stMetricLabel").get_by_text(label, exact=True))
    return whole_number(card.get_by_test_id("stMetricValue").inner_text())


@needs_streamlit
def test_the_explorer_opens_on_the_latest_period_and_the_sidebar_writes_the_url(browser, warehouse, expected, dashboard):
    url, _ = dashboard
    page = browser.new_page(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    page.goto(f"{url}/?view=explorer")
    counter = wait_for(page, "#rows-shown")
    country, year = expected["country"], expected["year"]
    want = register_rows(warehouse, "event_country_code = ? and event_year = ?", [country, year])
    assert counter.inner_text() == f"{len(want)} rows shown", "the explorer opens on the latest assessed period"
    page.wait_for_url(re.compile(rf"country={country}&year={year}"), timeout=30_000)

    # a person clears the filters in the sidebar and picks another country and year
    page.goto(f"{url}/?view=explorer&filters=none")
    counter = wait_for(page, "#rows-shown")
    (everything,) = mart(warehouse, "select count(*) from public.incident_register")[0]
    assert counter.inner_text() == f"{everything} rows shown"
    name, code, pick_year = mart(warehouse, """
        select event_country_name, event_country_code, event_year from public.incident_register
        where source_id like 'article19%' group by all order by count(*) desc limit 1""")[0]
    pick(page, "Countries", name)
    pick(page, "Years", str(pick_year))
    page.wait_for_url(re.compile(rf"country={code}&year={pick_year}"), timeout=30_000)
    grow_to_page(page)
    want = register_rows(warehouse, "event_country_code = ? and event_year = ?", [code, pick_year])
    assert page.inner_text("#rows-shown") == f"{len(want)} rows shown"
    (incidents,) = mart(warehouse, "select count(distinct incident_key) from public.incident_register "
                        "where event_country_code = ? and event_year = ?", [code, pick_year])[0]
    assert metric(page, "Incident victims shown") == len(want)
    assert metric(page, "Incidents shown") == incidents

    # the CSV is the table is the warehouse
    with page.expect_download() as download:
        page.get_by_test_id("stDownloadButton").locator("button").click()
    records = csv_records(Path(download.value.path()).read_text(encoding="utf-8"))
    assert sorted((r["Incident"], r["Victim"]) for r in records) == want
    assert {r["Country"] for r in records} == {name}
    assert all(r["Source's own category"] for r in records if "ARTICLE 19" in r["Source"]), \
        "Article 19's own type of aggression is a column of the table and the CSV"

    # the same view opened from the URL the sidebar wrote (a shared link)
    shared = page.url
    page.goto(shared)
    assert wait_for(page, "#rows-shown").inner_text() == f"{len(want)} rows shown"
    screenshot(page, "explorer_picked_in_sidebar.png")
    page.close()


@needs_streamlit
def test_the_explorer_by_each_sdg_type_equals_the_sdg_mart(browser, warehouse, expected, dashboard):
    url, _ = dashboard
    country, year = expected["country"], expected["year"]
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    by_type = mart(warehouse, """
        select sdg_violation_code, sdg_violation_name, verified_victims, verified_incidents
        from marts.sdg_16_10_1_by_type where country_code = ? and period_year = ?""", [country, year])
    assert by_type
    for code, name, persons, incidents in by_type:
        page.goto(f"{url}/?view=explorer&country={country}&year={year}&sdg={code}")
        counter = wait_for(page, "#rows-shown")
        settle(page)
        want = register_rows(warehouse, "event_country_code = ? and event_year = ? and sdg_violation_code = ?",
                             [country, year, code])
        assert counter.inner_text() == f"{len(want)} rows shown", code
        if not want:
            continue
        summary = streamlit_table(page, "SDG 16.10.1 in the selection")
        assert len(summary) == 1 and summary[0]["Violation"] == name, code
        assert (int(summary[0]["Verified persons"]), int(summary[0]["Verified incidents"])) == (persons, incidents), code
        if code == "D":
            screenshot(page, "explorer_sdg_D.png")
    page.close()


@needs_streamlit
def test_the_assessment_view_headline_cards_and_totals_are_mart_cells(browser, warehouse, expected, dashboard):
    url, _ = dashboard
    country, year = expected["country"], expected["year"]
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(f"{url}/?view=assessment&country={country}&year={year}")
    page.get_by_test_id("stMetric").first.wait_for(timeout=60_000)
    settle(page)
    ((incidents, victims, female, male, unknown, not_person),) = mart(warehouse, """
        select sum(incident_count), sum(victim_count), sum(female_victim_count), sum(male_victim_count),
               sum(unknown_sex_victim_count), sum(not_a_person_victim_count)
        from marts.incidents_monthly where country_code = ? and period_year = ?""", [country, year])
    (undated,) = mart(warehouse, """select coalesce(sum(incident_count), 0) from marts.incidents_monthly
        where country_code = ? and period_year = ? and month_start_date is null""", [country, year])[0]
    assert metric(page, "Incidents of the period") == incidents
    assert metric(page, "Month unknown") == undated
    assert metric(page, "Victims") == victims
    assert [metric(page, label) for label in ("Female", "Male", "Sex unknown", "Not a person")] == \
        [female, male, unknown, not_person]
    totals = streamlit_table(page, "SDG 16.10.1")
    cells = {code: (persons, incidents) for code, persons, incidents in mart(warehouse, """
        select sdg_violation_code, verified_victims, verified_incidents from marts.sdg_16_10_1_by_type
        where country_code = ? and period_year = ?""", [country, year])}
    assert {row["Code"]: (int(row["Verified persons"]), int(row["Incidents"])) for row in totals} == cells
    assert f"country={country}" in page.url and f"year={year}" in page.url
    assert page.inner_text("h1") == f"JSI assessment: {expected['country_name']} {year}"
    grow_to_page(page)
    screenshot(page, "assessment_headline.png")
    page.close()


@needs_streamlit
def test_the_explorer_says_when_a_period_is_covered_only_in_part(browser, warehouse, dashboard):
    """Issue 30: a monitor whose file covers part of a year (Article 19 Mexico's 2018 alerts, January
    to June) makes that period's counts partial, and the page says so above the SDG summary, naming
    the source the mart names. A period no source covers in part shows no such note."""
    url, _ = dashboard
    partial = mart(warehouse, """
        select periods.country_code, periods.period_year, sources.title
        from marts.sdg_16_10_1_periods as periods
        inner join core.dim_sources as sources on sources.source_id = periods.sources_covering_in_part
        where periods.is_covered_in_part and periods.sources_covering_in_part like 'article19_mx_2018'""")
    assert len(partial) == 1, partial
    country, year, title = partial[0]
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(f"{url}/?view=explorer&country={country}&year={year}")
    wait_for(page, "#rows-shown")
    note = wait_for(page, "[data-testid='stAlert']:has-text('covered only in part')")
    assert title in note.inner_text() and str(year) in note.inner_text()
    note.scroll_into_view_if_needed()
    screenshot(page, "explorer_covered_in_part.png")
    (full_country, full_year) = mart(warehouse, """
        select country_code, period_year from marts.sdg_16_10_1_periods
        where not is_covered_in_part and country_code = 'KZ' order by period_year desc limit 1""")[0]
    page.goto(f"{url}/?view=explorer&country={full_country}&year={full_year}")
    wait_for(page, "#rows-shown")
    settle(page)
    assert page.locator("[data-testid='stAlert']:has-text('covered only in part')").count() == 0
    page.close()
