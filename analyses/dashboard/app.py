"""Streamlit dashboard of the JSI warehouse: one assessment period at a time.

    streamlit run analyses/dashboard/app.py

Reads the warehouse named by JSI_WAREHOUSE (default warehouse/jsi.duckdb; a relative path is
taken from the project root). The sidebar picks the country and period; the page shows the
indicator scorecard, incidents by month, victims by gender and category, the SDG 16.10.1 table
and the criminal charges the report publishes against those the register itemizes.

It never holds the warehouse open: every query (in report.py, the static report that shares
these queries and charts) opens a fresh read-only connection and closes it right after, so a
rebuild can publish a new file at any time and the next rerun reads it.
"""

from __future__ import annotations

import os
from pathlib import Path

import streamlit as st

import report

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def warehouse_path() -> Path:
    """The warehouse file: $JSI_WAREHOUSE, relative paths taken from the project root."""
    path = Path(os.environ.get("JSI_WAREHOUSE", "warehouse/jsi.duckdb"))
    return path if path.is_absolute() else PROJECT_ROOT / path


def choose_period(warehouse: Path) -> tuple[str, int]:
    """Sidebar selectors for the country and the period year (latest year first)."""
    available = report.periods(warehouse)
    country = st.sidebar.selectbox("Country", available["country_code"].unique().tolist())
    years = available.loc[available["country_code"] == country, "period_year"].tolist()
    year = st.sidebar.selectbox("Period", years)
    st.sidebar.caption(f"Warehouse: {warehouse}")
    return country, int(year)


def status_style(status: str) -> str:
    """CSS for one status cell, coloured like the static report."""
    return f"color: {report.STATUS_COLOURS.get(status, 'inherit')}; font-weight: 600"


def plain(text: str) -> str:
    """Text for Streamlit markdown with "$" escaped (it would start a formula)."""
    return text.replace("$", "\\$")


def show_scorecard(warehouse: Path, country: str, year: int) -> None:
    """The indicator scorecard as a static table, status coloured; the findings folded below."""
    st.header("Indicator scorecard")
    card = report.scorecard_display(report.scorecard(warehouse, country, year))
    summary = card.drop(columns="Finding")
    st.table(summary.style.map(status_style, subset=["Status"]).hide(axis="index"))
    with st.expander("Findings of the report, by indicator"):
        st.markdown("\n".join(f"- **{row.Code}** ({row.Status}): {plain(row.Finding)}" for row in card.itertuples()))


def show_incidents(warehouse: Path, country: str, year: int) -> None:
    """Incident and victim totals and the bar chart of incidents per month."""
    st.header("Incidents by month")
    months = report.incidents_by_month(warehouse, country, year)
    totals = report.incident_totals(months)
    left, middle, right = st.columns(3)
    left.metric("Incidents of the period", totals["incidents"])
    middle.metric("Month unknown", totals["undated"])
    right.metric("Victims", totals["victims"])
    st.plotly_chart(report.incidents_figure(months))


def show_victims(warehouse: Path, country: str, year: int) -> None:
    """Victims per gender and per incident category."""
    st.header("Victims by gender and category")
    victims = report.victims_by_category_and_gender(warehouse, country, year)
    for column, (gender, count) in zip(st.columns(len(report.GENDER_COLOURS)), report.gender_totals(victims).items()):
        column.metric(gender.capitalize(), count)
    st.plotly_chart(report.victims_figure(victims))


def show_sdg(warehouse: Path, country: str, year: int) -> None:
    """SDG 16.10.1: totals by violation type, then the non-zero cells."""
    st.header("SDG 16.10.1: verified victims")
    st.subheader("Totals by violation type")
    st.table(report.sdg_totals(warehouse, country, year), hide_index=True, width="content")
    st.subheader("Non-zero cells")
    st.dataframe(report.sdg_cells(warehouse, country, year), hide_index=True)


def show_charges(warehouse: Path, country: str, year: int) -> None:
    """Criminal charges per article and victim group: reported by the report vs itemized."""
    st.header("Criminal charges by article: reported vs itemized")
    charges = report.criminal_charges(warehouse, country, year)
    totals = report.charge_totals(charges)
    st.caption(
        f"Charges the report publishes: {totals['reported']}; itemized in the register: {totals['itemized']}. "
        "An empty 'Reported' cell is a combination the report publishes no figure for."
    )
    st.dataframe(charges, hide_index=True, placeholder="—")


def main() -> None:
    """The page: period chooser, then one section per mart."""
    st.set_page_config(page_title="JSI warehouse dashboard", layout="wide")
    warehouse = warehouse_path()
    if not warehouse.is_file():
        st.error(f"No warehouse at {warehouse}: run `make build` or set JSI_WAREHOUSE.")
        st.stop()
    country, year = choose_period(warehouse)
    st.title(f"JSI assessment {country} {year}")
    show_scorecard(warehouse, country, year)
    show_incidents(warehouse, country, year)
    show_victims(warehouse, country, year)
    show_sdg(warehouse, country, year)
    show_charges(warehouse, country, year)


if __name__ == "__main__":
    main()
