"""The explorer's filters as a person uses them: a year picked in the sidebar comes back from the
widget as a numpy scalar (numpy.int32), which DuckDB will not bind; the filter, written once in
explorer.Selection, hands DuckDB Python values, and the table it gives equals the register."""

from __future__ import annotations

import numpy as np

from jsi_apps import explorer


def test_a_year_from_the_sidebar_filters_the_table(built_project, warehouse_con):
    _, warehouse = built_project
    options = explorer.options(warehouse)
    year = options["year"]["value"].dropna().iloc[0]
    assert isinstance(year, np.generic), "the widget's options are numpy values, as Streamlit returns them"
    selection = explorer.Selection({"year": [year], "country": ["KZ"]})
    table = explorer.incident_table(warehouse, selection)
    expected = warehouse_con.execute(
        "select count(*) from public.incident_register where event_year = ? and event_country_code = 'KZ'", [int(year)]
    ).fetchone()[0]
    assert len(table) == expected


def test_the_kz_2020_register_filtered_by_url_equals_the_warehouse(built_project, warehouse_con):
    _, warehouse = built_project
    selection = explorer.selection_from_params({"year": ["2020"], "country": ["KZ"], "sdg": ["D"]})
    table = explorer.incident_table(warehouse, selection)
    expected = warehouse_con.execute(
        "select count(*) from public.incident_register"
        " where event_year = 2020 and event_country_code = 'KZ' and sdg_violation_code = 'D'"
    ).fetchone()[0]
    assert len(table) == expected > 0
    assert set(table["SDG 16.10.1 type"]) == {"Arbitrary detention"}


def test_a_deprivation_not_established_is_never_labelled_arbitrary_detention(warehouse_con):
    labels = warehouse_con.execute(
        "select distinct sdg_violation_name from public.incident_register"
        " where sdg_violation_code = 'deprivation_not_established'"
    ).fetchall()
    assert labels == [("Deprivation of liberty, arbitrariness not established",)]


def test_every_section_of_the_explorer_takes_a_year_from_the_sidebar(built_project):
    """The impunity, source-comparison and reconciliation sections filter by year too (their own
    where clause, explorer.countries_and_years): a numpy year must not crash them either."""
    _, warehouse = built_project
    selection = explorer.Selection({"year": [np.int32(2016)], "country": ["MX"]})
    assert all(isinstance(v, int) for v in selection.values["year"])
    explorer.impunity(warehouse, selection)
    explorer.source_comparison(warehouse, selection)
    explorer.reconciliation(warehouse, selection)


def test_the_explorer_sdg_summary_of_a_period_equals_the_mart(built_project, warehouse_con):
    """Persons and incidents per type in the explorer (KZ, 2020) are the SDG table's totals,
    the deprivations beside D included (they used to show 0 persons)."""
    _, warehouse = built_project
    summary = explorer.sdg_summary(warehouse, explorer.Selection({"country": ["KZ"], "year": [2020]}))
    shown = {r["Code"]: (int(r["Verified persons"]), int(r["Verified incidents"])) for _, r in summary.iterrows()
             if r["Code"] != "out_of_scope"}
    mart = dict(
        (code, (persons, incidents))
        for code, persons, incidents in warehouse_con.execute(
            "select sdg_violation_code, verified_victims, verified_incidents from marts.sdg_16_10_1_by_type"
            " where country_code = 'KZ' and period_year = 2020 and verified_victims > 0"
        ).fetchall()
    )
    assert shown == mart


def test_the_change_feed_of_a_country_and_year_is_the_marts_rows_without_names(built_project, warehouse_con):
    """The explorer's change feed for the United States in 2018 (the Capital Gazette killings: CPJ
    moved four from complete impunity to full justice in 2022) lists the mart's rows for those events,
    one each, with labels, and shows no name (the feed is not the public register)."""
    _, warehouse = built_project
    feed = explorer.change_feed(warehouse, explorer.Selection({"country": ["US"], "year": [2018]}))
    (expected,) = warehouse_con.execute(
        "select count(*) from marts.vintage_changes where event_country_code = 'US' and event_year = 2018").fetchone()
    assert len(feed) == expected > 0
    (export_2020,) = warehouse_con.execute("select title from core.dim_sources where source_id = 'cpj_killed_1992_2020'").fetchone()
    impunity = feed[(feed["Field"] == "impunity") & (feed["Newer vintage"] == 2022) & (feed["Older vintage"] == export_2020)]
    assert (impunity["Before"] + " -> " + impunity["After"]).value_counts()["Complete impunity -> Full justice"] == 4
    names = {name for (name,) in warehouse_con.execute(
        "select victim_name_as_reported from marts.vintage_changes where event_country_code = 'US' and event_year = 2018").fetchall()}
    shown = " ".join(str(value) for value in feed.to_numpy().ravel())
    assert not any(name in shown for name in names if name)
