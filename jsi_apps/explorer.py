"""The incident explorer's data layer, shared by the Streamlit dashboard (dashboard.py) and the static
report (report.py): filters over the public incident register (schema public, where the
confidentiality rule is applied), the table and its CSV, the detail of one incident, and the
impunity, source-comparison and reconciliation sections. Every query runs through
warehouse.query: its own read-only connection, closed at once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from jsi_apps import safe_csv
from jsi_apps.warehouse import query

REGISTER = "public.incident_register"


@dataclass(frozen=True)
class Filter:
    """One filter: its URL parameter, its label, the register column it reads and the column
    whose text it shows."""

    key: str
    label: str
    column: str
    label_column: str


# The filters of every page: the dashboard's sidebar, the URL parameters and the static report's
# in-page selects are all built from this list (the static report runs the same comparison, value
# equals value, in the browser). A value the register leaves empty is one choice, labelled.
FILTERS = [
    Filter("country", "Countries", "event_country_code", "coalesce(event_country_name, event_country_code)"),
    Filter("year", "Years", "event_year", "coalesce(cast(event_year as varchar), 'date unknown')"),
    Filter("source", "Sources", "source_id", "source_publisher"),
    Filter("category", "Categories", "category_code", "category_name"),
    Filter("source_category", "The source's own category", "category_as_reported",
           "coalesce(category_as_reported || ' (' || source_publisher || ')', 'none: the source publishes no category of its own')"),
    Filter("motive", "The source's own motive status", "motive_as_reported",
           "coalesce(motive_as_reported || ' (' || source_publisher || ')', 'none: the source states no motive')"),
    Filter("sdg", "SDG 16.10.1 type", "sdg_violation_code",
           "coalesce(case when length(sdg_violation_code) = 1 then sdg_violation_code || ' ' end, '') || sdg_violation_name"),
    Filter("group", "SDG 16.10.1 victim group", "sdg_victim_group", "sdg_victim_group_name"),
    Filter("role", "Victim role", "role_code", "role_name"),
    Filter("sex", "Sex", "sex", "sex_label"),
    Filter("perpetrator", "Perpetrator status", "sdg_perpetrator_status", "sdg_perpetrator_status_name"),
]
FILTERS_BY_KEY = {f.key: f for f in FILTERS}

# the incident table as shown and downloaded: (column of the register, header)
TABLE_COLUMNS = [
    ("event_id", "Incident"),
    ("event_date_label", "Date"),
    ("event_country_name", "Country"),
    ("city_name", "Place"),
    ("category_name", "Category"),
    ("category_as_reported", "Source's own category"),
    ("motive_as_reported", "Source's own motive status"),
    ("sdg_violation_name", "SDG 16.10.1 type"),
    ("victim_label", "Victim"),
    ("role_name", "Role"),
    ("sdg_victim_group_name", "SDG 16.10.1 victim group"),
    ("sex_label", "Sex"),
    ("perpetrator_type_name", "Perpetrator"),
    ("sdg_perpetrator_status_name", "Perpetrator status"),
    ("verification_status_name", "Verification"),
    ("arbitrariness_category_name", "Arbitrariness"),
    ("legal_status_name", "Legal status"),
    ("source_publisher", "Source"),
    ("source_record_locator", "Locator"),
]


@dataclass
class Selection:
    """The chosen values of each filter (an empty list: no restriction) and 'verified only'."""

    values: dict[str, list] = field(default_factory=dict)
    verified_only: bool = False

    def __post_init__(self) -> None:
        # widgets hand back numpy scalars (numpy.int32 years) and DuckDB binds Python values only:
        # every query built from a selection gets Python values from here
        self.values = {key: [v.item() if hasattr(v, "item") else v for v in chosen] for key, chosen in self.values.items()}

    def where(self) -> tuple[str, list]:
        clauses, params = [], []
        for key, chosen in self.values.items():
            if not chosen:
                continue
            column = FILTERS_BY_KEY[key].column
            wanted = [v for v in chosen if v is not None and v == v]
            parts = []
            if wanted:
                parts.append(f"{column} in ({', '.join('?' for _ in wanted)})")
                params += wanted
            if len(wanted) < len(chosen):
                parts.append(f"{column} is null")
            clauses.append("(" + " or ".join(parts) + ")")
        if self.verified_only:
            clauses.append("is_verified")
        return (" where " + " and ".join(clauses)) if clauses else "", params


def options(warehouse: Path, selection: Selection | None = None) -> dict[str, pd.DataFrame]:
    """For each filter, its values (value, label) present in the register (in the selection, when
    one is given), one row per value, sorted by label: a value two sources share gets both their
    labels."""
    where, params = (selection or Selection()).where()
    return {
        f.key: query(
            warehouse,
            f"select {f.column} as value, string_agg(distinct {f.label_column}, ' / ' order by {f.label_column}) as label"
            f" from {REGISTER}{where} group by {f.column} order by label nulls last",
            params,
        )
        for f in FILTERS
    }


NO_VALUE = "__none__"


def value_text(value: object) -> str:
    """A filter value as text (a URL parameter, an HTML attribute); an empty value is NO_VALUE."""
    if value is None or (isinstance(value, float) and value != value):
        return NO_VALUE
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def selection_from_params(params: dict[str, list[str]]) -> Selection:
    """A selection from URL parameters (?category=killing&category=detention&verified=1); years are
    numbers, NO_VALUE chooses the rows where the register leaves the column empty."""
    values = {}
    for f in FILTERS:
        chosen = []
        for v in params.get(f.key, []):
            if v == NO_VALUE:
                chosen.append(None)
            elif f.key == "year":
                if v.isdigit():
                    chosen.append(int(v))
            else:
                chosen.append(v)
        values[f.key] = chosen
    verified = params.get("verified", ["0"])
    return Selection(values, verified_only=bool(verified) and verified[-1] in {"1", "true", "yes"})


def params_from_selection(selection: Selection) -> dict[str, list[str]]:
    """The URL parameters of a selection (the inverse of selection_from_params)."""
    params = {key: [value_text(v) for v in chosen] for key, chosen in selection.values.items() if chosen}
    if selection.verified_only:
        params["verified"] = ["1"]
    return params


def incident_table(warehouse: Path, selection: Selection) -> pd.DataFrame:
    """The filtered register, one row per incident victim, with readable headers: what the
    explorer shows and exactly what its CSV download holds."""
    where, params = selection.where()
    columns = ", ".join(f'{column} as "{header}"' for column, header in TABLE_COLUMNS)
    return query(
        warehouse,
        f"select {columns} from {REGISTER}{where} order by event_date nulls last, event_id, incident_victim_id",
        params,
    )


def to_csv(table: pd.DataFrame) -> bytes:
    """The CSV download of a table, its text cells safe to open in a spreadsheet (safe_csv)."""
    return safe_csv.frame(table).to_csv(index=False).encode("utf-8")


def filtered(warehouse: Path, selection: Selection, select: str, group_by: str = "", order_by: str = "") -> pd.DataFrame:
    """An aggregate over the filtered register (the charts follow the filters)."""
    where, params = selection.where()
    sql = f"select {select} from {REGISTER}{where}"
    if group_by:
        sql += f" group by {group_by}"
    if order_by:
        sql += f" order by {order_by}"
    return query(warehouse, sql, params)


def by_month(warehouse: Path, selection: Selection) -> pd.DataFrame:
    """Incidents per month; incidents without a month are one separate bar, 'month unknown'."""
    return filtered(
        warehouse, selection,
        "coalesce(strftime(event_month, '%Y-%m'), 'month unknown') as month, event_month is null as is_month_unknown,"
        " count(distinct incident_key) as incidents",
        group_by="all", order_by="is_month_unknown, month",
    )


def by_sex(warehouse: Path, selection: Selection) -> pd.DataFrame:
    """Victims per sex label: Female, Male, 'Sex unknown' and 'Not a person' kept apart."""
    return filtered(warehouse, selection, "sex_label as sex, count(*) as victims", group_by="all", order_by="sex")


# a victim row the SDG table counts in its incident's type: a type A-F it counts in, or a deprivation
# of liberty beside D (arbitrariness not established). An appearance that a linked record of another
# source outranks is counted under that record's type (sdg_16_10_1_victims), not under its own.
IN_SDG_SUMMARY = "is_in_sdg_16_10_1_table and (counts_in_sdg_16_10_1 or sdg_violation_code = 'deprivation_not_established')"


def sdg_summary(warehouse: Path, selection: Selection) -> pd.DataFrame:
    """Verified SDG 16.10.1 victims per violation type in the selection, as the SDG table counts
    them (types A-F, and the deprivations beside D): persons and incidents."""
    return filtered(
        warehouse, selection,
        "sdg_violation_code as \"Code\", sdg_violation_name as \"Violation\","
        f" count(distinct coalesce(victim_key, incident_victim_key)) filter (where {IN_SDG_SUMMARY}) as \"Verified persons\","
        f" count(distinct incident_key) filter (where {IN_SDG_SUMMARY}) as \"Verified incidents\","
        " count(*) as \"Victim rows\"",
        group_by="all", order_by="\"Code\"",
    )


def coverage_notes(warehouse: Path, selection: Selection) -> list[str]:
    """The periods of the selection's countries and years that a source covers only in part
    (marts.sdg_16_10_1_periods, the rule of int_sources__years_covered_in_part): a count of such a
    period is not a full year's. One sentence per period, naming the sources."""
    countries = selection.values.get("country") or []
    years = selection.values.get("year") or []
    clauses, params = ["periods.is_covered_in_part"], []
    if countries:
        clauses.append(f"periods.country_code in ({', '.join('?' for _ in countries)})")
        params += countries
    if years:
        wanted = [year for year in years if year is not None and year == year]
        clauses.append(f"periods.period_year in ({', '.join('?' for _ in wanted) or 'null'})")
        params += wanted
    notes = query(
        warehouse,
        "select periods.country_name, periods.period_year,"
        " string_agg(sources.publisher || ', ' || sources.title, '; ' order by sources.source_id) as sources"
        " from marts.sdg_16_10_1_periods as periods"
        " cross join unnest(string_split(periods.sources_covering_in_part, ';')) as covering(source_id)"
        " inner join core.dim_sources as sources on sources.source_id = trim(covering.source_id)"
        f" where {' and '.join(clauses)}"
        " group by all order by periods.country_name, periods.period_year",
        params,
    )
    return [f"{row.country_name} {row.period_year} is covered only in part by {row.sources}: its counts are not a full year's."
            for row in notes.itertuples()]


def incident_detail(warehouse: Path, event_id: str) -> dict[str, pd.DataFrame]:
    """One incident: what happened and its victims (public register), the legal case through its
    dated stages, and every source record of the same event with its locator."""
    victims = query(warehouse, f"select * from {REGISTER} where event_id = ? order by incident_victim_id", [event_id])
    stages = query(
        warehouse,
        """
        select actions.legal_action_id as "Legal action", actions.procedure_type as "Procedure",
               history.stage_sequence as "Step", stages.term_label as "Stage",
               case history.date_precision
                   when 'day' then strftime(history.stage_date, '%Y-%m-%d')
                   when 'month' then strftime(history.stage_date, '%Y-%m') || ' (day unknown)'
                   when 'year' then strftime(history.stage_date, '%Y') || ' (month unknown)'
                   else 'date unknown'
               end as "Date"
        from core.fct_legal_actions as actions
        inner join core.fct_legal_action_status_history as history using (legal_action_key)
        left join marts.vocabulary_terms as stages
            on stages.vocabulary = 'legal_stage' and stages.term_code = history.stage_code
        where actions.related_event_id = ?
        order by actions.legal_action_id, history.stage_sequence
        """,
        [event_id],
    )
    linked_records = query(
        warehouse,
        f"""
        select distinct register.event_id as "Record", register.source_publisher as "Source",
               register.event_date_label as "Date", register.category_name as "Category",
               register.verification_status_name as "Verification", register.source_record_locator as "Locator"
        from {REGISTER} as register
        where register.event_group_id in (select event_group_id from {REGISTER} where event_id = ?)
        order by "Record"
        """,
        [event_id],
    )
    return {"victims": victims, "stages": stages, "linked_records": linked_records}


def countries_and_years(selection: Selection, year_column: str | None = "event_year") -> tuple[str, list]:
    """A where clause over country_code and a year column for the marts keyed that way; with
    year_column None, over the countries only."""
    clauses, params = [], []
    countries = selection.values.get("country") or []
    years = [y for y in selection.values.get("year") or [] if y is not None] if year_column else []
    if countries:
        clauses.append(f"country_code in ({', '.join('?' for _ in countries)})")
        params += countries
    if years:
        clauses.append(f"{year_column} in ({', '.join('?' for _ in years)})")
        params += years
    return (" where " + " and ".join(clauses)) if clauses else "", params


def impunity(warehouse: Path, selection: Selection) -> pd.DataFrame:
    """Killings by the outcome of their prosecution per country and year: each source on its own,
    then all sources together (each killing once); never to be added up across the rows of a year.
    The impunity rate as a percentage (empty when no outcome is known)."""
    where, params = countries_and_years(selection)
    frame = query(
        warehouse,
        f"""
        select country_name as "Country", event_year as "Year", source_name as "Source", killings as "Killings",
               full_justice as "Full justice", partial_justice as "Partial justice",
               complete_impunity as "Complete impunity", outcome_unknown as "Outcome unknown",
               impunity_rate as "Impunity rate"
        from marts.impunity_by_country{where}
        order by "Country", "Year", is_all_sources, "Source"
        """,
        params,
    )
    frame["Impunity rate"] = frame["Impunity rate"].map(format_percent)
    return frame


def format_percent(rate: float | None) -> str:
    """A fraction as a percentage with one decimal ('80.0 %'); an empty rate says why."""
    if rate is None or pd.isna(rate):
        return "no known outcome"
    return f"{100 * rate:.1f} %"


def impunity_cases(warehouse: Path, selection: Selection) -> pd.DataFrame:
    """Cases of impunity_tracker per country and impunity status (counts only: the tracker names
    people, so its rows are not shown)."""
    where, params = countries_and_years(selection, year_column=None)
    return query(
        warehouse,
        f"""
        select countries.country_name as "Country", case_types.term_label as "Case",
               statuses.term_label as "Impunity status", count(*) as "Cases"
        from (select * from marts.impunity_tracker{where}) as tracker
        left join core.dim_countries as countries
            on tracker.country_code = countries.country_code
        left join marts.vocabulary_terms as case_types
            on case_types.vocabulary = 'case_type' and tracker.case_type = case_types.term_code
        left join marts.vocabulary_terms as statuses
            on statuses.vocabulary = 'impunity_status' and tracker.impunity_status = statuses.term_code
        group by all
        order by "Country", "Case", "Cases" desc
        """,
        params,
    )


def source_comparison(warehouse: Path, selection: Selection) -> pd.DataFrame:
    where, params = countries_and_years(selection)
    return query(
        warehouse,
        f"""
        select country_name as "Country", event_year as "Year", sdg_violation_name as "SDG 16.10.1 type",
               source_publisher as "Source", source_event_groups as "Event groups of this source",
               only_this_source_event_groups as "Only this source", all_sources_event_groups as "All sources (event groups)"
        from marts.source_comparison{where}
        order by "Country", "Year", "SDG 16.10.1 type", "Source"
        """,
        params,
    )


def change_feed(warehouse: Path, selection: Selection) -> pd.DataFrame:
    """What the monitors revised between consecutive vintages of their lists, for the events of the
    selection's countries and years (marts.vintage_changes), one row per record added or removed
    and per field changed. Names are not shown: the feed is not the public register, whose
    confidentiality rule decides which names a page may show."""
    where, params = countries_and_years(selection)
    return query(
        warehouse,
        f"""
        select country_name as "Country", event_year as "Year", publisher as "Monitor",
               older_title as "Older vintage", newer_vintage_year as "Newer vintage", change_kind as "Change",
               field_name as "Field", coalesce(older_label, older_value) as "Before",
               coalesce(newer_label, newer_value) as "After"
        from (
            select changes.*, changes.event_country_code as country_code, countries.country_name,
                   newer.publisher, older.title as older_title
            from marts.vintage_changes as changes
            left join core.dim_countries as countries on changes.event_country_code = countries.country_code
            inner join core.dim_sources as newer on changes.newer_source_id = newer.source_id
            inner join core.dim_sources as older on changes.older_source_id = older.source_id
        ){where}
        order by "Country", "Year", "Monitor", "Newer vintage", "Older vintage", "Change", "Field"
        """,
        params,
    )


def reconciliation(warehouse: Path, selection: Selection) -> pd.DataFrame:
    where, params = countries_and_years(selection, year_column=None)
    return query(
        warehouse,
        f"""
        select country_name as "Country", period_year as "Period", figure_id as "Figure",
               stated_as as "The report says", description as "Published figure",
               published_value as "Published", register_value as "Register", status_name as "Status"
        from public.published_figure_reconciliation{where}
        order by "Country", "Period", "Figure"
        """,
        params,
    )
