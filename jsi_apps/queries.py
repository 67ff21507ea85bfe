"""The queries the pages share: the assessment of one period as the dashboard's Assessment view and
the static report both show it (the indicator scorecard, incidents by month, victims by sex and
category, the SDG 16.10.1 table, the criminal charges reported against itemized), the assessed
periods, and the totals and display forms both pages print from those results.

Every query runs through warehouse.query: its own read-only connection, closed right after.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from jsi_apps.warehouse import query

PERIOD_FILTER = "where country_code = ? and period_year = ?"
# the sexes of victims_by_category_and_sex, in the order the pages list them
SEXES = ("female", "male", "sex unknown", "not a person")


def periods(warehouse: Path) -> pd.DataFrame:
    """The assessed periods: one row per country (code and name) and year, latest year first."""
    return query(
        warehouse,
        "select distinct scorecard.country_code, countries.country_name, scorecard.period_year"
        " from public.indicator_scorecard as scorecard"
        " inner join core.dim_countries as countries on scorecard.country_code = countries.country_code"
        " order by scorecard.country_code, scorecard.period_year desc",
    )


def title(available: pd.DataFrame, country: str, year: int) -> str:
    """The heading of a period's page: 'JSI assessment: Kazakhstan 2020'."""
    name = available.loc[available["country_code"] == country, "country_name"].iloc[0]
    return f"JSI assessment: {name} {year}"


def default_period(available: pd.DataFrame) -> tuple[str, int]:
    """The latest period of the first country (periods() is sorted that way)."""
    first = available.iloc[0]
    return str(first["country_code"]), int(first["period_year"])


def scorecard(warehouse: Path, country: str, year: int) -> pd.DataFrame:
    """The JSI indicators of the period: assessment status, the report's headline figure, the register beside it."""
    return query(
        warehouse,
        f"""
        select indicator_code, category_title, indicator_title, assessment_status, assessment_status_name,
               headline_stated_as, headline_value, headline_unit, headline_register_value,
               headline_reconciliation_status_name, finding
        from public.indicator_scorecard {PERIOD_FILTER}
        order by category_code, indicator_number
        """,
        [country, year],
    )


def incidents_by_month(warehouse: Path, country: str, year: int) -> pd.DataFrame:
    """Incidents and victims per month of the period; undated incidents come last."""
    return query(
        warehouse,
        f"""
        select month_label, sum(incident_count)::bigint as incidents, sum(victim_count)::bigint as victims
        from marts.incidents_monthly {PERIOD_FILTER}
        group by month_label, month_start_date
        order by month_start_date nulls last
        """,
        [country, year],
    )


def victims_by_category_and_sex(warehouse: Path, country: str, year: int) -> pd.DataFrame:
    """Victims of the period per incident category and sex (long format, non-zero rows)."""
    wide = query(
        warehouse,
        f"""
        select category_name as category,
               sum(female_victim_count)::bigint as "female",
               sum(male_victim_count)::bigint as "male",
               sum(unknown_sex_victim_count)::bigint as "sex unknown",
               sum(not_a_person_victim_count)::bigint as "not a person"
        from marts.incidents_monthly {PERIOD_FILTER}
        group by category_name
        order by category_name
        """,
        [country, year],
    )
    long = wide.melt(id_vars="category", var_name="sex", value_name="victims")
    return long[long["victims"] > 0].sort_values(["category", "sex"]).reset_index(drop=True)


def sdg_cells(warehouse: Path, country: str, year: int) -> pd.DataFrame:
    """The non-zero cells of the SDG 16.10.1 table of the period."""
    return query(
        warehouse,
        f"""
        select sdg_violation_code as "Code", sdg_violation_name as "Violation",
               sdg_victim_group_name as "Victim group", sdg_sex_name as "Sex",
               sdg_perpetrator_status_name as "Perpetrator", verified_victims as "Verified persons",
               verified_incidents as "Incidents"
        from marts.sdg_16_10_1 {PERIOD_FILTER} and verified_victims > 0
        order by all
        """,
        [country, year],
    )


def sdg_totals(warehouse: Path, country: str, year: int) -> pd.DataFrame:
    """Verified persons and incidents of the period per SDG 16.10.1 violation type, zeros included,
    as marts.sdg_16_10_1_by_type counts them (never summed from the cells: an incident is counted
    once); the deprivations of liberty whose arbitrariness is not established come last, beside D."""
    return query(
        warehouse,
        f"""
        select sdg_violation_code as "Code", sdg_violation_name as "Violation",
               verified_victims as "Verified persons",
               verified_incidents as "Incidents",
               undated_verified_victims as "Undated (not counted)"
        from marts.sdg_16_10_1_by_type {PERIOD_FILTER}
        order by not is_sdg_16_10_1_violation, "Code"
        """,
        [country, year],
    )


def criminal_charges(warehouse: Path, country: str, year: int) -> pd.DataFrame:
    """Criminal charges per article and victim group: published by the report vs itemized."""
    return query(
        warehouse,
        f"""
        select article_row_name as "Article", report_victim_group_name as "Victim group",
               reported_charges::double as "Reported", itemized_charges as "Itemized",
               itemized_minus_reported::double as "Itemized minus reported", figure_id as "Figure"
        from marts.criminal_charges_by_article {PERIOD_FILTER}
        order by victim_group_order, article_row
        """,
        [country, year],
    )


def format_number(value: float | int | None) -> str:
    """A whole number without decimals, any other with two; missing as an em dash."""
    if pd.isna(value):
        return "—"
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.2f}"


def scorecard_display(card: pd.DataFrame) -> pd.DataFrame:
    """The scorecard as shown to a reader: one row per indicator, values formatted."""
    units = card["headline_unit"].fillna("count")
    units = units.where(units != "count", "")
    return pd.DataFrame(
        {
            "Code": card["indicator_code"],
            "Indicator": card["indicator_title"],
            "Status": card["assessment_status_name"],
            "Report's headline figure": card["headline_stated_as"].fillna("(the report gives no number)"),
            "Value": (card["headline_value"].map(format_number) + " " + units).str.strip(),
            "Register": card["headline_register_value"].map(format_number),
            "Reconciliation": card["headline_reconciliation_status_name"],
            "Finding": card["finding"],
        }
    )


def sex_totals(victims: pd.DataFrame) -> dict[str, int]:
    """Victims per sex, every sex listed (zero when absent)."""
    sums = victims.groupby("sex")["victims"].sum()
    return {sex: int(sums.get(sex, 0)) for sex in SEXES}


def incident_totals(months: pd.DataFrame) -> dict[str, int]:
    """Incidents and victims of the period, and the incidents whose month is unknown."""
    undated = months["month_label"] == "month unknown"
    return {
        "incidents": int(months["incidents"].sum()),
        "undated": int(months.loc[undated, "incidents"].sum()),
        "victims": int(months["victims"].sum()),
    }


def charge_totals(charges: pd.DataFrame) -> dict[str, str]:
    """Charges the report publishes and charges the register itemizes, as display text."""
    return {"reported": format_number(charges["Reported"].sum()), "itemized": format_number(charges["Itemized"].sum())}
