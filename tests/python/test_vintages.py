"""Vintages of one monitor are one monitor: CPJ's killed list as exported in 2020 and in 2022, and
two older files the 2020 export supersedes (the 2017 legacy download layout and the 2018 API
export of confirmed killings of journalists).

The change feed (marts.vintage_changes) is checked against the files, compared here with the csv
module and CPJ's match rule written again in Python; the README's change-feed query runs as
written; and a build without the two oldest vintages gives the same counts, relation for
relation, where only the dates they carry over differ."""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import Counter, defaultdict
from datetime import date, datetime
from pathlib import Path

import duckdb
import pytest
import yaml

from conftest import PROJECT_ROOT, copy_project, rewrite_seed, run
from readme_recipes import code_block

OLDER = Path("seeds/external/cpj_killed_1992_2020/Journalists Killed between 1992 and 2020.csv")
NEWER = Path("seeds/external/cpj_killed_1992_2022/cpj_killed_1992_2022.csv")
DECISIONS = Path("seeds/monitors/cpj/cpj__vintage_match_decisions.csv")
IMPUNITY = Path("seeds/monitors/cpj/xwalk_cpj__impunity.csv")
LEGACY = Path("seeds/external/cpj_killed_legacy_2017/cpj.csv")
API = Path("seeds/external/cpj_killed_confirmed_api_2018/Killed_Confirmed_92_18.csv")
DATE_TEXTS = Path("seeds/monitors/cpj/xwalk_cpj__date_text.csv")


def read(path: Path) -> list[dict[str, str]]:
    with (PROJECT_ROOT / path).open(newline="", encoding="utf-8") as handle:
        # the legacy layout escapes a quote inside a quoted cell with a backslash ("Juan \"Jun\" Pala")
        return list(csv.DictReader(handle, escapechar="\\" if path == LEGACY else None))


def fold(text: str) -> str:
    """Case, accents and runs of white space folded, as the warehouse's label_key does."""
    text = unicodedata.normalize("NFKD", " ".join(text.split()))
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def keyed(records: list[dict[str, str]]) -> dict[tuple, int]:
    """CPJ's match key of each record (folded name, year, folded country, and its rank among the
    records of its file with that key), to the record's row number."""
    seen: Counter = Counter()
    keys = {}
    for row, record in enumerate(records, start=1):
        key = (fold(record["fullName"]), record["year"].strip(), fold(record["country"]))
        seen[key] += 1
        keys[key + (seen[key],)] = row
    return keys


@pytest.fixture(scope="module")
def pairs() -> dict[int, int | None]:
    """Each 2020 record's row -> its 2022 row (None: absent), by the rule and the decisions."""
    older, newer = keyed(read(OLDER)), keyed(read(NEWER))
    matched = {row: newer.get(key) for key, row in older.items()}
    for decision in read(DECISIONS):
        if decision["source_id"] == "cpj_killed_1992_2020":  # another older vintage's decisions are not its
            matched[int(decision["source_row_number"])] = int(decision["newer_source_row_number"]) or None
    return matched


def test_every_2020_record_is_superseded_and_none_is_counted(warehouse_con, pairs):
    records = warehouse_con.execute(
        "select source_row_number, superseded_by_row_number, rejected_column, superseded_by_source_id"
        " from monitors.cpj__monitor_records where source_id = 'cpj_killed_1992_2020'"
    ).fetchall()
    assert len(records) == len(read(OLDER)) == 2033
    assert {r[0]: r[1] for r in records} == pairs
    assert {(r[2], r[3]) for r in records} == {(None, "cpj_killed_1992_2022")}
    assert warehouse_con.execute(
        "select count(*) from core.fct_incidents where source_id = 'cpj_killed_1992_2020'").fetchone()[0] == 0


def legacy_day(record: dict[str, str]) -> date | None:
    """The day the 2017 legacy layout's Date gives when written out ("October 22, 2016")."""
    try:
        return datetime.strptime(" ".join(record["Date"].split()), "%B %d, %Y").date()
    except ValueError:
        return None


def api_day(record: dict[str, str]) -> date | None:
    """The day the 2018 API export's startDate (m/d/yy) gives, unless ambiguousStartDate says the
    day is not known."""
    if record["ambiguousStartDate"].strip():
        return None
    month, day, _ = record["startDate"].split("/")
    return date(int(record["year"]), int(month), int(day))


def legacy_year(record: dict[str, str]) -> str:
    """The legacy layout has no year column: its Date's year, or the year xwalk_cpj__date_text
    reads in a date written as text."""
    day = legacy_day(record)
    if day:
        return str(day.year)
    texts = {fold(r["date_text"]): r["event_year"] for r in read(DATE_TEXTS)}
    return texts[fold(record["Date"])]


def keyed_by(records, name, year, country) -> dict[tuple, int]:
    """keyed() for any layout: the columns (or a function for the year) that give the key."""
    seen: Counter = Counter()
    keys = {}
    for row, record in enumerate(records, start=1):
        key = (fold(record[name]), year(record) if callable(year) else record[year].strip(), fold(record[country]))
        seen[key] += 1
        keys[key + (seen[key],)] = row
    return keys


@pytest.fixture(scope="module")
def older_pairs() -> dict[str, dict[int, int | None]]:
    """Each 2017 legacy and 2018 API record's row -> its 2020 row (None: absent), by the rule (no
    decision names them)."""
    newer = keyed(read(OLDER))
    legacy = keyed_by(read(LEGACY), "Name", legacy_year, "Country_killed")
    api = keyed_by(read(API), "fullName", "year", "country")
    assert not any(d["source_id"] in ("cpj_killed_legacy_2017", "cpj_killed_confirmed_api_2018") for d in read(DECISIONS))
    return {
        "cpj_killed_legacy_2017": {row: newer.get(key) for key, row in legacy.items()},
        "cpj_killed_confirmed_api_2018": {row: newer.get(key) for key, row in api.items()},
    }


def test_the_older_files_are_superseded_by_the_2020_export_and_none_is_counted(warehouse_con, older_pairs):
    for source_id, path, count in (("cpj_killed_legacy_2017", LEGACY, 1782), ("cpj_killed_confirmed_api_2018", API, 1281)):
        records = warehouse_con.execute(
            "select source_row_number, superseded_by_source_id, superseded_by_row_number, supersession_basis"
            f" from monitors.cpj__monitor_records where source_id = '{source_id}'").fetchall()
        assert len(records) == len(read(path)) == count
        assert {r[1] for r in records} == {"cpj_killed_1992_2020"}
        assert {r[0]: r[2] for r in records} == older_pairs[source_id]
        # a record the 2020 export does not hold is removed (2020 covers 1992-2020, every year of both files)
        assert {r[0] for r in records if r[3].startswith("removed")} == {o for o, n in older_pairs[source_id].items() if n is None}
        assert warehouse_con.execute(
            f"select count(*) from core.fct_incidents where source_id = '{source_id}'").fetchone()[0] == 0
    # the rule matches most records of both files
    assert sum(1 for n in older_pairs["cpj_killed_legacy_2017"].values() if n) > 1700
    assert sum(1 for n in older_pairs["cpj_killed_confirmed_api_2018"].values() if n) > 1250


def test_added_respects_the_scope_of_the_api_export(warehouse_con, older_pairs):
    """2020 records no older record leads to are added, per pair; against the API export (confirmed
    killings of journalists only) an unconfirmed record or a media worker is outside its scope."""
    newer = read(OLDER)
    for source_id in older_pairs:
        led = {n for n in older_pairs[source_id].values() if n}
        expected = {row for row in range(1, len(newer) + 1) if row not in led}
        if source_id == "cpj_killed_confirmed_api_2018":
            expected = {row for row in expected
                        if newer[row - 1]["combinedStatus"] == "Confirmed" and newer[row - 1]["type"] == "Journalist"}
        feed = warehouse_con.execute(
            "select newer_source_row_number from marts.vintage_changes"
            f" where change_kind = 'added' and older_source_id = '{source_id}'").fetchall()
        assert {r[0] for r in feed} == expected and len(feed) == len(expected)


def test_the_2022_record_takes_the_day_an_older_record_gives(warehouse_con, older_pairs, pairs):
    """Carry-over: a 2022 record led to (through its 2020 record) by a legacy or API record of the
    same year that gives the day takes that day, the API export's (the newer vintage) first."""
    legacy, api = read(LEGACY), read(API)
    newer_year = {row: r["year"].strip() for row, r in enumerate(read(NEWER), start=1)}
    expected = {}
    for source_id, records, day_of in (("cpj_killed_legacy_2017", legacy, legacy_day), ("cpj_killed_confirmed_api_2018", api, api_day)):
        for older_row, row_2020 in older_pairs[source_id].items():
            row_2022 = pairs.get(row_2020) if row_2020 else None
            day = day_of(records[older_row - 1])
            if row_2022 and day and str(day.year) == newer_year[row_2022]:
                expected[row_2022] = day  # the API export, read second, wins
    loaded = dict(warehouse_con.execute(
        "select source_row_number, event_date from monitors.cpj__monitor_records"
        " where source_id = 'cpj_killed_1992_2022' and date_precision = 'day' and rejected_column is null").fetchall())
    assert loaded == expected and len(expected) > 1500
    bases = warehouse_con.execute(
        "select count(*) from monitors.cpj__monitor_records where source_id = 'cpj_killed_1992_2022'"
        " and date_precision = 'day' and carried_over_basis like 'date (day) carried over from cpj_killed_%, through cpj_killed_1992_2020 row %'"
    ).fetchone()[0]
    assert bases == len(expected)


def test_the_change_feed_lists_what_cpj_added_and_revised(warehouse_con, pairs):
    newer, older = read(NEWER), read(OLDER)
    added = set(range(1, len(newer) + 1)) - {row for row in pairs.values() if row}
    feed = warehouse_con.execute(
        "select newer_source_row_number from marts.vintage_changes where change_kind = 'added'"
        " and older_source_id = 'cpj_killed_1992_2020'").fetchall()
    assert {r[0] for r in feed} == added and len(added) == 132
    assert warehouse_con.execute("select count(*) from marts.vintage_changes where change_kind = 'removed'"
                                 " and older_source_id = 'cpj_killed_1992_2020'").fetchone()[0] == \
        sum(1 for row in pairs.values() if row is None) == 0
    # impunity: the labels of both files, mapped by CPJ's seed, differ (the fields of a record that
    # cannot be loaded, in either vintage, are not compared: it has none in the register's words)
    codes = {r["source_label"]: r["impunity_outcome_code"] for r in read(IMPUNITY)}
    code = lambda label: codes[label.strip() or "(not stated)"]  # noqa: E731
    unloadable = set(warehouse_con.execute(
        "select source_id, source_row_number from monitors.int_cpj__records_checked where rejected_column is not null").fetchall())
    revised = {(o, code(older[o - 1]["impunityMurder"]), code(newer[n - 1]["impunityMurder"]))
               for o, n in pairs.items()
               if n and ("cpj_killed_1992_2020", o) not in unloadable and ("cpj_killed_1992_2022", n) not in unloadable
               and code(older[o - 1]["impunityMurder"]) != code(newer[n - 1]["impunityMurder"])}
    in_feed = warehouse_con.execute(
        "select older_source_row_number, older_value, newer_value from marts.vintage_changes"
        " where change_kind = 'changed' and field_name = 'impunity' and older_source_id = 'cpj_killed_1992_2020'").fetchall()
    assert set(in_feed) == revised and len(in_feed) == len(revised) > 0
    # the name CPJ respelled is a change of one record, not a removal and an addition
    assert warehouse_con.execute(
        "select older_value, newer_value from marts.vintage_changes where field_name = 'name'"
        " and older_source_id = 'cpj_killed_1992_2020'").fetchall() == [
        ("Lasantha Wickramatunga", "Lasantha Wickrematunge")]


def test_the_readme_change_feed_query_runs_as_written(warehouse_con, pairs):
    query = code_block("sql", "marts.vintage_changes")
    rows = dict(((kind, field), n) for kind, field, n in warehouse_con.execute(query).fetchall())
    assert rows[("added", None)] == 132
    assert rows[("changed", "name")] == 1
    assert sum(n for (kind, _), n in rows.items() if kind == "changed") == warehouse_con.execute(
        "select count(*) from marts.vintage_changes where change_kind = 'changed' and newer_vintage_year = 2022"
        " and older_source_id = 'cpj_killed_1992_2020'").fetchone()[0]


def test_figures_as_of_a_vintage_equal_the_vintage_file(warehouse_con):
    """marts.vintage_counts against the files, read here with the csv module: the 2020 export's
    records per year (none of it is quarantined), and the README's "as of each vintage" query for
    Kazakhstan against the rows of the 2020 and 2022 files whose country is Kazakhstan (the 2022
    file's two quarantined rows are junk without a country)."""
    older = read(OLDER)
    by_year = Counter(int(record["year"]) for record in older)
    counted = dict(warehouse_con.execute(
        "select event_year, sum(records) from marts.vintage_counts"
        " where source_id = 'cpj_killed_1992_2020' group by all").fetchall())
    assert counted == by_year
    rows = warehouse_con.execute(code_block("sql", "marts.vintage_counts")).fetchall()
    killed = {source: n for source, _, _, n in rows}
    assert killed["cpj_killed_1992_2020"] == sum(record["country"] == "Kazakhstan" for record in older)
    assert killed["cpj_killed_1992_2022"] == sum(record["country"] == "Kazakhstan" for record in read(NEWER))
    counted_vintages = {source for source, _, is_counted, _ in rows if is_counted}
    assert counted_vintages == {"cpj_killed_1992_2022"}


OLDEST = {"cpj_killed_legacy_2017": "killed_journalists_2017_legacy", "cpj_killed_confirmed_api_2018": "killed_journalists_2018_api"}


def drop_the_oldest_vintages(root: Path) -> None:
    """What a person would undo to remove the two vintages the 2020 export supersedes (the 2017
    legacy download and the 2018 API export): their folders, catalogue rows and the 2020 row's
    list of them, source tables, their names in the staged model's list and the year check."""
    for source_id in OLDEST:
        folder = root / "seeds/external" / source_id
        for path in folder.iterdir():
            path.unlink()
        folder.rmdir()

    def catalogue(rows):
        rows[:] = [r for r in rows if r["source_id"] not in OLDEST]
        for r in rows:
            if r["source_id"] == "cpj_killed_1992_2020":
                r["supersedes_source_id"] = ""
    rewrite_seed(root / "seeds/monitors/cpj/cpj__source.csv", catalogue)
    sources = root / "models/monitors/cpj/_cpj__sources.yml"
    declared = yaml.safe_load(sources.read_text(encoding="utf-8"))
    declared["sources"][0]["tables"] = [t for t in declared["sources"][0]["tables"] if t["name"] not in OLDEST.values()]
    sources.write_text(yaml.safe_dump(declared, sort_keys=False, allow_unicode=True), encoding="utf-8")
    for path in (root / "models/monitors/cpj/stg_cpj__killed_journalists.sql", root / "macros/monitors/cpj.sql"):
        text = path.read_text(encoding="utf-8")
        for table in OLDEST.values():
            assert f", '{table}'" in text or f"['cpj', '{table}']" in text or table not in text
            text = text.replace(f", ['cpj', '{table}']", "").replace(f", '{table}'", "")
        assert not any(table in text for table in OLDEST.values())
        path.write_text(text, encoding="utf-8")


# The relations whose rows change when the oldest vintages go, each for a reason: the catalogue (two
# files fewer), the change feed (two pairs fewer), and the relations that carry an incident's date:
# the 2022 records keep the year only, so the day or month carried over from the older records goes.
DATED = re.compile(r"date|month|precision|carried_over|day|week|quarter")


def test_the_oldest_vintages_change_no_count(built_project, tmp_path):
    """Counting is by monitor: built without CPJ's two oldest vintages, every relation users read
    (core, marts, public) holds the same rows, except the catalogue, the change feed and the dates:
    a relation that differs holds the same rows once its date columns are set aside, and the same
    count per year and country (SDG 16.10.1 type A world total, Kazakhstan 2009)."""
    _, with_older = built_project
    root = copy_project(tmp_path / "project")
    drop_the_oldest_vintages(root)
    without_older = root / "warehouse" / "jsi.duckdb"
    result = run(["make", "build"], cwd=root, warehouse=without_older)
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr[-3000:]
    con = duckdb.connect()
    con.execute(f"attach '{with_older}' as a (read_only)")
    con.execute(f"attach '{without_older}' as b (read_only)")
    relations = con.execute(
        "select schema_name, table_name from duckdb_tables() where database_name = 'a' and schema_name in ('core', 'marts', 'public')"
        " union all select schema_name, view_name from duckdb_views() where database_name = 'a'"
        " and schema_name in ('core', 'marts', 'public') order by all").fetchall()
    assert len(relations) > 60

    def differing(schema: str, name: str, columns: str = "*") -> int:
        return sum(con.execute(
            f"select count(*) from (select {columns} from {x}.{schema}.{name} except all select {columns} from {y}.{schema}.{name})"
        ).fetchone()[0] for x, y in (("a", "b"), ("b", "a")))

    differ = {f"{schema}.{name}": n for schema, name in relations if (n := differing(schema, name))}
    assert {"core.dim_sources", "marts.vintage_changes", "marts.vintage_counts"} <= set(differ)
    # the two rows of the oldest vintages, and the 2020 row, which supersedes nothing without them
    assert differ["core.dim_sources"] == 4
    # each vintage's own figures: only the dropped vintages' rows differ
    kept_vintages = "(select * from {}.marts.vintage_counts where source_id not in ('" + "', '".join(OLDEST) + "'))"
    assert sum(con.execute(
        f"select count(*) from (select * from {kept_vintages.format(x)} except all select * from {kept_vintages.format(y)})"
    ).fetchone()[0] for x, y in (("a", "b"), ("b", "a"))) == 0
    unexplained = {}
    for relation in sorted(set(differ) - {"core.dim_sources", "marts.vintage_changes", "marts.vintage_counts"}):
        schema, name = relation.split(".")
        columns = [c for (c,) in con.execute(
            "select column_name from duckdb_columns() where database_name = 'a' and schema_name = ? and table_name = ?"
            " order by column_index", [schema, name]).fetchall()]
        kept = [c for c in columns if not DATED.search(c)]
        if "breakdown" in columns:
            # a long relation (a measure by breakdown): its rows by a date breakdown (event_month)
            # move between months; its other rows must not differ, nor its totals per breakdown
            assert len(kept) == len(columns), relation
            undated = f"(select * from {{}}.{schema}.{name} where not regexp_matches(breakdown, '{DATED.pattern}'))"
            assert sum(con.execute(
                f"select count(*) from (select * from {undated.format(x)} except all select * from {undated.format(y)})"
            ).fetchone()[0] for x, y in (("a", "b"), ("b", "a"))) == 0, relation
            totals = f"select country_code, period_year, measure, breakdown, sum(measure_value) from {{}}.{schema}.{name} group by all"
            assert sorted(con.execute(totals.format("a")).fetchall()) == sorted(con.execute(totals.format("b")).fetchall()), relation
            continue
        assert len(kept) < len(columns), relation  # a relation without a date column must not differ
        if differing(schema, name, ", ".join(f'"{c}"' for c in kept)):
            unexplained[relation] = [c for c in columns if DATED.search(c)]
    # a relation by month (its rows are months) differs in its rows; its year totals must not
    assert set(unexplained) <= {"marts.incidents_monthly"}, unexplained
    yearly = ("select country_code, period_year, category_code, sum(incident_count), sum(victim_count)"
              " from {}.marts.incidents_monthly group by all")
    assert sorted(con.execute(yearly.format("a")).fetchall()) == sorted(con.execute(yearly.format("b")).fetchall())
    print("relations whose dates differ:", sorted(set(differ) - {"core.dim_sources", "marts.vintage_changes", "marts.vintage_counts"}))
    for query in (
        "select sum(verified_victims) from {}.marts.sdg_16_10_1_by_type where sdg_violation_code = 'A'",
        "select count(*) from {}.core.fct_incidents where country_code = 'KZ' and period_year = 2009",
    ):
        assert con.execute(query.format("a")).fetchone() == con.execute(query.format("b")).fetchone()
    assert con.execute(
        "select count(*) from a.core.fct_incidents where date_precision = 'day' and source_id = 'cpj_killed_1992_2022'").fetchone()[0] > 1500
    assert con.execute(
        "select count(*) from b.core.fct_incidents where date_precision = 'day' and source_id = 'cpj_killed_1992_2022'").fetchone()[0] == 0
