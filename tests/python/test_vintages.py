"""Vintages of one monitor are one monitor: CPJ's killed list as exported in 2020 and in 2022.

The change feed (marts.vintage_changes) is checked against the two files, compared here with the
csv module and CPJ's match rule written again in Python; the README's change-feed query runs as
written; and a build without the older vintage gives the same figures, relation for relation."""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import Counter, defaultdict
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


def read(path: Path) -> list[dict[str, str]]:
    with (PROJECT_ROOT / path).open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


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


def test_the_change_feed_lists_what_cpj_added_and_revised(warehouse_con, pairs):
    newer, older = read(NEWER), read(OLDER)
    added = set(range(1, len(newer) + 1)) - {row for row in pairs.values() if row}
    feed = warehouse_con.execute(
        "select newer_source_row_number from marts.vintage_changes where change_kind = 'added'").fetchall()
    assert {r[0] for r in feed} == added and len(added) == 132
    assert warehouse_con.execute("select count(*) from marts.vintage_changes where change_kind = 'removed'").fetchone()[0] == \
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
        " where change_kind = 'changed' and field_name = 'impunity'").fetchall()
    assert set(in_feed) == revised and len(in_feed) == len(revised) > 0
    # the name CPJ respelled is a change of one record, not a removal and an addition
    assert warehouse_con.execute(
        "select older_value, newer_value from marts.vintage_changes where field_name = 'name'").fetchall() == [
        ("Lasantha Wickramatunga", "Lasantha Wickrematunge")]


def test_the_readme_change_feed_query_runs_as_written(warehouse_con, pairs):
    query = code_block("sql", "marts.vintage_changes")
    rows = dict(((kind, field), n) for kind, field, n in warehouse_con.execute(query).fetchall())
    assert rows[("added", None)] == 132
    assert rows[("changed", "name")] == 1
    assert sum(n for (kind, _), n in rows.items() if kind == "changed") == warehouse_con.execute(
        "select count(*) from marts.vintage_changes where change_kind = 'changed'").fetchone()[0]


def drop_the_older_vintage(root: Path) -> None:
    """What a person would undo to remove CPJ's 2020 vintage: its folder, catalogue row, source
    table, its name in the staged model's list, and the decisions that name it."""
    folder = root / OLDER.parent
    for path in folder.iterdir():
        path.unlink()
    folder.rmdir()

    def catalogue(rows):
        rows[:] = [r for r in rows if r["source_id"] != "cpj_killed_1992_2020"]
        for r in rows:
            r["supersedes_source_id"] = ""
    rewrite_seed(root / "seeds/monitors/cpj/cpj__source.csv", catalogue)
    rewrite_seed(root / DECISIONS, lambda rows: rows.clear())
    sources = root / "models/monitors/cpj/_cpj__sources.yml"
    declared = yaml.safe_load(sources.read_text(encoding="utf-8"))
    declared["sources"][0]["tables"] = [t for t in declared["sources"][0]["tables"] if t["name"] != "killed_journalists_2020"]
    sources.write_text(yaml.safe_dump(declared, sort_keys=False, allow_unicode=True), encoding="utf-8")
    staged = root / "models/monitors/cpj/stg_cpj__killed_journalists.sql"
    text = staged.read_text(encoding="utf-8")
    assert "['killed_journalists', 'killed_journalists_2020']" in text
    staged.write_text(text.replace("['killed_journalists', 'killed_journalists_2020']", "['killed_journalists']"), encoding="utf-8")


def test_an_older_vintage_changes_no_figure(built_project, tmp_path):
    """Counting is by monitor: built without CPJ's 2020 vintage, every relation users read (core,
    marts, public) is the same, row for row, except the catalogue (one file fewer) and the change
    feed (nothing to compare)."""
    _, with_older = built_project
    root = copy_project(tmp_path / "project")
    drop_the_older_vintage(root)
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
    differ = defaultdict(int)
    for schema, name in relations:
        for x, y in (("a", "b"), ("b", "a")):
            differ[f"{schema}.{name}"] += con.execute(
                f"select count(*) from (select * from {x}.{schema}.{name} except all select * from {y}.{schema}.{name})").fetchone()[0]
    assert {name for name, n in differ.items() if n} == {"core.dim_sources", "marts.vintage_changes"}
    # the 2020 row, and the 2022 row, which supersedes nothing without it (counted once each way)
    assert differ["core.dim_sources"] == 3
    sdg_a = con.execute("select sum(verified_victims) from a.marts.sdg_16_10_1_by_type where sdg_violation_code = 'A'").fetchone()
    sdg_b = con.execute("select sum(verified_victims) from b.marts.sdg_16_10_1_by_type where sdg_violation_code = 'A'").fetchone()
    assert sdg_a == sdg_b and sdg_a[0] > 0
