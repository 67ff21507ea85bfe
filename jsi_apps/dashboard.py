"""Streamlit dashboard of the JSI warehouse: an assessment period, the incident explorer and the
methodology.

    streamlit run jsi_apps/dashboard.py

Three views (sidebar, or the URL: ?view=assessment|explorer|methodology):
- Assessment: one assessment period (the default view).
- Incident explorer: filters (countries, years, sources, categories, SDG type, victim role, sex,
  perpetrator status, verified only; also as URL parameters, e.g. ?view=explorer&category=killing),
  charts and tables that follow them, the incident table with a CSV download of exactly what is
  shown, the detail of one incident (?event=KZ-2020-EV-001), impunity, source comparison and the
  reconciliation of published figures. It reads the public schema, where the confidentiality rule
  is applied.
- Methodology: generated from the warehouse's vocabularies and the SDG 16.10.1 counting rules.

Reads the warehouse named by JSI_WAREHOUSE (default warehouse/jsi.duckdb; a relative path is
taken from the project root). The sidebar picks the country and period; the page shows the
indicator scorecard, incidents by month, victims by sex and category, the SDG 16.10.1 table
and the criminal charges the report publishes against those the register itemizes.

The Assessment view shows the queries and charts the static report shows too (queries.py,
charts.py); the explorer's filters and queries are explorer.py's. It never holds the warehouse
open: every query (warehouse.py) opens a fresh read-only connection and closes it right after, so
a rebuild can publish a new file at any time and the next rerun reads it.
"""

from __future__ import annotations

import html
from pathlib import Path

import pandas as pd
import plotly.express as px
import streamlit as st

from jsi_apps import charts, explorer, methodology, queries
from jsi_apps.warehouse import warehouse_path


def choose_period(warehouse: Path, params: dict[str, list[str]]) -> tuple[str, int]:
    """Sidebar selectors for the country and the period year (latest year first), started from the
    URL (?view=assessment&country=KZ&year=2020); the choice is written back to the URL."""
    available = queries.periods(warehouse)
    countries = available["country_code"].unique().tolist()
    wanted = (params.get("country") or [None])[-1]
    names = dict(zip(available["country_code"], available["country_name"]))
    country = st.sidebar.selectbox("Country", countries, index=countries.index(wanted) if wanted in countries else 0,
                                   format_func=names.get, key="period_country")
    years = [int(y) for y in available.loc[available["country_code"] == country, "period_year"]]
    wanted_year = (params.get("year") or [None])[-1]
    wanted_year = int(wanted_year) if wanted_year and wanted_year.isdigit() else None
    year = st.sidebar.selectbox("Period", years, index=years.index(wanted_year) if wanted_year in years else 0,
                                key=f"period_year_{country}")
    st.sidebar.caption(f"Warehouse: {warehouse}")
    st.query_params.from_dict({"view": "assessment", "country": country, "year": str(year)})
    return country, int(year)


def status_style(status: str) -> str:
    """CSS for one status cell, coloured like the static report."""
    return f"color: {charts.STATUS_COLOURS.get(charts.status_class(status), 'inherit')}; font-weight: 600"


def plain(text: str) -> str:
    """Text for Streamlit markdown with "$" escaped (it would start a formula)."""
    return text.replace("$", "\\$")


def show_scorecard(warehouse: Path, country: str, year: int) -> None:
    """The indicator scorecard as a static table, status coloured; the findings folded below."""
    st.header("Indicator scorecard")
    card = queries.scorecard_display(queries.scorecard(warehouse, country, year))
    summary = card.drop(columns="Finding")
    st.table(summary.style.map(status_style, subset=["Status"]).hide(axis="index"))
    with st.expander("Findings of the report, by indicator"):
        st.markdown("\n".join(f"- **{row.Code}** ({row.Status}): {plain(row.Finding)}" for row in card.itertuples()))


def show_incidents(warehouse: Path, country: str, year: int) -> None:
    """Incident and victim totals and the bar chart of incidents per month."""
    st.header("Incidents by month")
    months = queries.incidents_by_month(warehouse, country, year)
    totals = queries.incident_totals(months)
    left, middle, right = st.columns(3)
    left.metric("Incidents of the period", totals["incidents"])
    middle.metric("Month unknown", totals["undated"])
    right.metric("Victims", totals["victims"])
    st.plotly_chart(charts.incidents_figure(months))


def show_victims(warehouse: Path, country: str, year: int) -> None:
    """Victims per sex and per incident category."""
    st.header("Victims by sex and category")
    victims = queries.victims_by_category_and_sex(warehouse, country, year)
    for column, (sex, count) in zip(st.columns(len(queries.SEXES)), queries.sex_totals(victims).items()):
        column.metric(sex.capitalize(), count)
    st.plotly_chart(charts.victims_figure(victims))


def show_sdg(warehouse: Path, country: str, year: int) -> None:
    """SDG 16.10.1: totals by violation type, then the non-zero cells."""
    st.header("SDG 16.10.1: verified victims")
    for note in explorer.coverage_notes(warehouse, explorer.Selection({"country": [country], "year": [year]})):
        st.warning(note)
    st.subheader("Totals by violation type")
    st.table(queries.sdg_totals(warehouse, country, year), hide_index=True, width="content")
    st.subheader("Non-zero cells")
    st.dataframe(queries.sdg_cells(warehouse, country, year), hide_index=True)


def show_charges(warehouse: Path, country: str, year: int) -> None:
    """Criminal charges per article and victim group: reported by the report vs itemized."""
    st.header("Criminal charges by article: reported vs itemized")
    charges = queries.criminal_charges(warehouse, country, year)
    totals = queries.charge_totals(charges)
    st.caption(
        f"Charges the report publishes: {totals['reported']}; itemized in the register: {totals['itemized']}. "
        "An empty 'Reported' cell is a combination the report publishes no figure for."
    )
    st.dataframe(charges, hide_index=True, placeholder="—")


VIEWS = {"assessment": "Assessment", "explorer": "Incident explorer", "methodology": "Methodology"}
SEX_COLOURS = {"Female": "#8250df", "Male": "#0969da", "Sex unknown": "#8c959f", "Not a person": "#d0d7de"}


def url_params() -> dict[str, list[str]]:
    """The page's URL parameters, each as a list of values."""
    return {key: st.query_params.get_all(key) for key in st.query_params.keys()}


def starting_selection(warehouse: Path, params: dict[str, list[str]]) -> explorer.Selection:
    """The explorer's selection when the page opens: the URL's filters, or, when the URL gives none,
    the latest assessed period (its country and year; ?filters=none opens on everything)."""
    if (params.get("filters") or [""])[-1] == "none":
        return explorer.Selection()
    if any(params.get(f.key) for f in explorer.FILTERS) or params.get("verified"):
        return explorer.selection_from_params(params)
    country, year = queries.default_period(queries.periods(warehouse))
    return explorer.Selection({"country": [country], "year": [year]})


def choose_filters(warehouse: Path, params: dict[str, list[str]]) -> explorer.Selection:
    """Sidebar filters, started from the URL parameters (or the latest period); an empty filter
    restricts nothing."""
    start = starting_selection(warehouse, params)
    available = explorer.options(warehouse)
    values = {}
    for f in explorer.FILTERS:
        frame = available[f.key]
        labels = dict(zip(frame["value"], frame["label"]))
        # a value the URL asks for that no record has still filters (to nothing), and says so
        for value in start.values.get(f.key, []):
            labels.setdefault(value, f"{value} (no record has it)")
        default = list(start.values.get(f.key, []))
        values[f.key] = st.sidebar.multiselect(
            f.label, list(labels), default=default, format_func=lambda v, labels=labels: str(labels.get(v, v)), key=f"filter_{f.key}"
        )
    verified = st.sidebar.checkbox("Verified only", value=start.verified_only, key="filter_verified")
    return explorer.Selection(values, verified_only=verified)


def share_in_url(selection: explorer.Selection, event_id: str | None) -> None:
    """Write the view, the filters and the incident shown to the URL, so the view can be shared."""
    params: dict[str, str | list[str]] = {"view": "explorer", **explorer.params_from_selection(selection)}
    if not selection.where()[0]:
        params["filters"] = "none"
    if event_id:
        params["event"] = event_id
    st.query_params.from_dict(params)


def show_explorer(warehouse: Path, params: dict[str, list[str]]) -> None:
    """The incident explorer: every chart and table follows the sidebar filters."""
    selection = choose_filters(warehouse, params)
    st.title("Incident explorer")
    st.caption("Public register: names withheld under the confidentiality rule are not shown.")
    table = explorer.incident_table(warehouse, selection)
    left, middle, right = st.columns(3)
    left.metric("Incident victims shown", len(table))
    middle.metric("Incidents shown", table["Incident"].nunique())
    months = explorer.by_month(warehouse, selection)
    right.metric("Month unknown", int(months.loc[months["is_month_unknown"], "incidents"].sum()))

    st.header("Incidents by month")
    if not months.empty:
        months["kind"] = months["is_month_unknown"].map({True: "month unknown", False: "dated"})
        figure = px.bar(months, x="month", y="incidents", color="kind",
                        color_discrete_map={"dated": "#0969da", "month unknown": "#d0d7de"},
                        labels={"month": "Month", "incidents": "Incidents", "kind": ""})
        figure.update_traces(selector={"name": "month unknown"}, marker_pattern_shape="/")
        figure.update_xaxes(type="category")
        st.plotly_chart(figure)
    st.header("Victims by sex")
    sexes = explorer.by_sex(warehouse, selection)
    if not sexes.empty:
        st.plotly_chart(px.bar(sexes, x="sex", y="victims", color="sex", color_discrete_map=SEX_COLOURS,
                               category_orders={"sex": list(SEX_COLOURS)}, labels={"sex": "Sex", "victims": "Victims"}))
    st.header("SDG 16.10.1 in the selection")
    for note in explorer.coverage_notes(warehouse, selection):
        st.warning(note)
    st.table(explorer.sdg_summary(warehouse, selection), hide_index=True, width="content")

    st.header("Incidents")
    st.download_button("Download CSV of the rows shown", explorer.to_csv(table), file_name="incidents.csv",
                       mime="text/csv", key="download_incidents")
    st.dataframe(table, hide_index=True)
    st.markdown(f'<p id="rows-shown">{len(table)} rows shown</p>', unsafe_allow_html=True)

    st.header("One incident")
    choices = table["Incident"].drop_duplicates().tolist()
    wanted = (params.get("event") or [None])[-1]
    if wanted and wanted not in choices:
        choices = [wanted] + choices
    shared_event = None
    if choices:
        event_id = st.selectbox("Incident", choices, index=choices.index(wanted) if wanted in choices else 0, key="detail_event")
        show_detail(warehouse, event_id)
        # the URL names the incident when the URL or the person chose it, not the table's first row
        if event_id == wanted or event_id != table["Incident"].iloc[0]:
            shared_event = event_id
    share_in_url(selection, shared_event)

    st.header("Impunity: killings by outcome")
    st.table(explorer.impunity(warehouse, selection), hide_index=True)
    st.subheader("Cases by impunity status (impunity tracker)")
    st.dataframe(explorer.impunity_cases(warehouse, selection), hide_index=True)
    st.header("Source comparison: event groups per source and across sources")
    st.dataframe(explorer.source_comparison(warehouse, selection), hide_index=True)
    st.header("What the monitors revised: changes between vintages of their lists")
    st.caption("One row per record a newer vintage added or removed, and per field it changed (marts.vintage_changes).")
    st.dataframe(explorer.change_feed(warehouse, selection), hide_index=True)
    st.header("Reconciliation: published figures against the register")
    st.dataframe(explorer.reconciliation(warehouse, selection), hide_index=True)


def show_detail(warehouse: Path, event_id: str) -> None:
    """What happened, the victims, the legal case through its stages, and every source record of the same event."""
    detail = explorer.incident_detail(warehouse, event_id)
    victims = detail["victims"]
    if victims.empty:
        st.info(f"No public record {event_id}.")
        return
    first = victims.iloc[0]

    def text(value: object, missing: str = "") -> str:
        return missing if pd.isna(value) else plain(html.escape(str(value)))

    own = ""
    if not pd.isna(first.category_as_reported):
        own = f"<p>{text(first.source_publisher)}'s own category: {text(first.category_as_reported)}"
        own += (f"; motive: {text(first.motive_as_reported)}" if not pd.isna(first.motive_as_reported) else "") + ".</p>"
    st.markdown(
        f'<div id="incident-detail"><h4>{text(event_id)}: {text(first.category_name)}, {text(first.event_date_label)}, '
        f'{text(first.city_name, "place not stated")} ({text(first.event_country_name)})</h4>'
        f"<p>{text(first.event_summary)}</p>{own}"
        f"<p>SDG 16.10.1: {text(first.sdg_violation_name)}. Perpetrator: {text(first.perpetrator_type_name)}. "
        f"Verification: {text(first.verification_status_name)}. Legal status: {text(first.legal_status_name)}.</p></div>",
        unsafe_allow_html=True,
    )
    st.subheader("Victims")
    st.table(victims[["victim_label", "role_name", "sex_label", "victim_type_name"]].rename(
        columns={"victim_label": "Victim", "role_name": "Role", "sex_label": "Sex", "victim_type_name": "Kind"}))
    st.subheader("Legal case")
    if detail["stages"].empty:
        st.write("No legal case reported.")
    else:
        st.table(detail["stages"])
    st.subheader("Sources that recorded it")
    st.table(detail["linked_records"])


def show_methodology(warehouse: Path) -> None:
    """The methodology page, generated from the warehouse."""
    st.markdown(methodology.markdown(methodology.load(warehouse)))


def main() -> None:
    """The page: the chosen view."""
    st.set_page_config(page_title="JSI warehouse dashboard", layout="wide")
    warehouse = warehouse_path()
    if not warehouse.is_file():
        st.error(f"No warehouse at {warehouse}: run `make build` or set JSI_WAREHOUSE.")
        st.stop()
    params = url_params()
    start = (params.get("view") or ["assessment"])[-1]
    keys = list(VIEWS)
    view = st.sidebar.radio("View", keys, index=keys.index(start) if start in keys else 0,
                            format_func=VIEWS.get, key="view")
    if view == "explorer":
        show_explorer(warehouse, params)
    elif view == "methodology":
        st.query_params.from_dict({"view": "methodology"})
        show_methodology(warehouse)
    else:
        country, year = choose_period(warehouse, params)
        st.title(queries.title(queries.periods(warehouse), country, year))
        show_scorecard(warehouse, country, year)
        show_incidents(warehouse, country, year)
        show_victims(warehouse, country, year)
        show_sdg(warehouse, country, year)
        show_charges(warehouse, country, year)


if __name__ == "__main__":
    main()
