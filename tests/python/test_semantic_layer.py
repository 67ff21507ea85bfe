"""One definition of each count: the marts keep their SQL, and each mart's headline equals the same
metric of the semantic layer (dbt MetricFlow, models/semantic/_semantic__models.yml) as `mf query`
answers it. mf opens the warehouse through the dbt profile, so it queries a copy of the built file
(the session's read-only connections keep the original open). A month grouping never shows a
record dated by its year only in a month; the README's mf commands run as written, and `make docs`
does not break them."""

from __future__ import annotations

import csv
import re
import shutil
from collections import Counter
from pathlib import Path

import duckdb
import pytest

from conftest import VENV_BIN, run
from readme_recipes import code_block, readme_text, run_recipe, with_installed_toolchain


@pytest.fixture(scope="module")
def mf(built_project, tmp_path_factory):
    root, warehouse = built_project
    copy = tmp_path_factory.mktemp("mf") / "jsi.duckdb"
    shutil.copyfile(warehouse, copy)

    def query(metrics: list[str], group_by: list[str], where: str | None = None) -> list[dict[str, str]]:
        out = copy.parent / "out.csv"
        command = [str(VENV_BIN / "mf"), "query", "--metrics", ",".join(metrics), "--group-by", ",".join(group_by), "--csv", str(out)]
        if where:
            command += ["--where", where]
        result = run(command, cwd=root, warehouse=copy)
        assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
        with out.open(newline="", encoding="utf-8") as handle:
            return list(csv.DictReader(handle))

    query.warehouse = copy
    query.root = root
    return query


def mart(warehouse: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_the_semantic_layer_validates_against_the_warehouse(mf):
    result = run([str(VENV_BIN / "mf"), "validate-configs"], cwd=mf.root, warehouse=mf.warehouse)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "ERRORS: 0" in result.stdout


def test_sdg_16_10_1_verified_persons_are_the_metric(mf):
    expected = {
        (c, str(y), t): int(n)
        for c, y, t, n in mart(mf.warehouse, """
            select country_code, period_year, sdg_violation_code, sum(verified_victims)
            from marts.sdg_16_10_1 group by all having sum(verified_victims) > 0""")
    }
    rows = mf(["sdg_16_10_1_persons"], ["sdg_victim__country_code", "sdg_victim__period_year", "sdg_victim__sdg_violation_code"])
    actual = {
        (r["sdg_victim__country_code"], r["sdg_victim__period_year"], r["sdg_victim__sdg_violation_code"]): int(r["sdg_16_10_1_persons"])
        for r in rows if r["sdg_16_10_1_persons"] not in ("", "0")
    }
    assert expected and actual == expected


def test_itemized_criminal_charges_are_the_metric(mf):
    expected = {(c, str(y)): int(n) for c, y, n in mart(mf.warehouse, """
        select country_code, period_year, sum(itemized_charges) from marts.criminal_charges_by_article
        group by all having sum(itemized_charges) > 0""")}
    rows = mf(["criminal_charges"], ["legal_action__country_code", "legal_action__period_year"])
    actual = {(r["legal_action__country_code"], r["legal_action__period_year"]): int(r["criminal_charges"])
              for r in rows if r["criminal_charges"] not in ("", "0")}
    assert expected and actual == expected


def test_incidents_of_each_period_are_the_metric(mf):
    """`incidents` and `victims` of a country and period, asked without any filter, are the period's
    counts the pages show (incidents_monthly; indicator_measures A1 for an assessment: KZ 2020), not
    the register's count with the earlier incidents the assessment cites and the undated ones."""
    expected = {(c, str(y)): (int(i), int(v)) for c, y, i, v in mart(mf.warehouse, """
        select country_code, period_year, sum(incident_count), sum(victim_count) from marts.incidents_monthly
        group by all having sum(incident_count) > 0""")}
    rows = mf(["incidents", "victims"], ["incident__country_code", "incident__period_year"])
    actual = {(r["incident__country_code"], r["incident__period_year"]): (int(r["incidents"]), int(r["victims"])) for r in rows}
    assert expected and actual == expected

    a1 = {(c, str(y), m): int(v) for c, y, m, v in mart(mf.warehouse, """
        select country_code, period_year, measure, measure_value from marts.indicator_measures
        where indicator_code = 'A1' and measure in ('incidents', 'victims') and breakdown = 'total'""")}
    assert a1 and all(actual[(c, y)][("incidents", "victims").index(m)] == v for (c, y, m), v in a1.items())

    register = {(c, str(y)): int(n) for c, y, n in mart(mf.warehouse, """
        select country_code, period_year, count(*) from core.fct_incidents group by all""")}
    rows = mf(["register_incidents"], ["incident__country_code", "incident__period_year"])
    assert {(r["incident__country_code"], r["incident__period_year"]): int(r["register_incidents"]) for r in rows} == register
    # an assessment files earlier (historical) and undated incidents under its period: the two differ there
    assert any(register[key] > a1[(*key, "incidents")] for key in {(c, y) for c, y, _ in a1})


def month_key(value) -> str:
    """A month as mf writes it in CSV ('2016-01-01 00:00:00') or as the mart holds it (a date); empty when unknown."""
    return "" if value in (None, "") else str(value)[:10]


def test_a_month_grouping_never_puts_a_year_only_record_in_a_month(mf):
    """By month, each country-period's incidents and victims are incidents_monthly's cells: a record
    dated by its year only (CPJ) is in the row whose month is unknown, never in January."""
    expected = {(c, str(y), month_key(m)): (int(i), int(v)) for c, y, m, i, v in mart(mf.warehouse, """
        select country_code, period_year, month_start_date, sum(incident_count), sum(victim_count)
        from marts.incidents_monthly group by all having sum(incident_count) > 0""")}
    incidents = mf(["incidents"], ["incident__country_code", "incident__period_year", "incident__event_month__month"])
    victims = mf(["victims"], ["incident__country_code", "incident__period_year", "incident_victim__event_month__month"])
    actual_incidents = {(r["incident__country_code"], r["incident__period_year"], month_key(r["incident__event_month__month"])):
                        int(r["incidents"]) for r in incidents}
    actual_victims = {(r["incident__country_code"], r["incident__period_year"], month_key(r["incident_victim__event_month__month"])):
                      int(r["victims"]) for r in victims}
    assert actual_incidents == {k: i for k, (i, _) in expected.items()}
    assert actual_victims == {k: v for k, (_, v) in expected.items()}

    # the same from the facts: only incidents dated to a month or a day are in a month
    dated_to_a_month, year_only = mart(mf.warehouse, """
        select count(*) filter (where date_precision in ('day', 'month')), count(*) filter (where date_precision = 'year')
        from core.fct_incidents where event_year = period_year""")[0]
    assert sum(n for (_, _, month), n in actual_incidents.items() if month) == dated_to_a_month
    assert sum(n for (_, _, month), n in actual_incidents.items() if not month) == year_only > 0

    # metric_time is the event's year: a month of it is refused, with the month dimension suggested
    refused = run([str(VENV_BIN / "mf"), "query", "--metrics", "incidents", "--group-by", "metric_time__month"],
                  cwd=mf.root, warehouse=mf.warehouse)
    assert refused.returncode != 0 and "incident__event_month__month" in refused.stdout + refused.stderr

    days = mf(["incidents"], ["incident__event_day__day"])
    dated_to_a_day = mart(mf.warehouse, """
        select count(*) from core.fct_incidents where event_year = period_year and date_precision = 'day'""")[0][0]
    assert sum(int(r["incidents"]) for r in days if r["incident__event_day__day"]) == dated_to_a_day


def test_the_year_grain_counts_year_only_records(mf):
    """metric_time__year counts every dated incident in its year, the ones dated by their year only
    included (CPJ's killings): each country's register_incidents by year is the facts' count of its
    dated incidents by event year, and incidents by year is the period's count."""
    expected = {(c, str(y)): int(n) for c, y, n in mart(mf.warehouse, """
        select country_code, event_year, count(*) from core.fct_incidents where is_dated group by all""")}
    rows = mf(["register_incidents"], ["incident__country_code", "metric_time__year"])
    actual = {(r["incident__country_code"], r["metric_time__year"][:4]): int(r["register_incidents"])
              for r in rows if r["metric_time__year"]}
    assert actual == expected
    assert mart(mf.warehouse, "select count(*) from core.fct_incidents where date_precision = 'year'")[0][0] > 0

    period = {(c, str(y)): int(n) for c, y, n in mart(mf.warehouse, """
        select country_code, period_year, sum(incident_count) from marts.incidents_monthly group by all
        having sum(incident_count) > 0""")}
    rows = mf(["incidents"], ["incident__country_code", "metric_time__year"])
    assert {(r["incident__country_code"], r["metric_time__year"][:4]): int(r["incidents"]) for r in rows} == period


def test_impunity_by_country_is_the_metric(mf):
    expected = {
        (c, str(y)): (int(k), int(ci), None if rate is None else round(rate, 6))
        for c, y, k, ci, rate in mart(mf.warehouse, """
            select country_code, event_year, killings, complete_impunity, impunity_rate from marts.impunity_by_country
            where is_all_sources""")
    }
    rows = mf(["killings", "complete_impunity_killings", "impunity_rate"],
              ["killing__country_code", "killing__event_year"])
    actual = {
        (r["killing__country_code"], r["killing__event_year"]): (
            int(r["killings"]), int(r["complete_impunity_killings"]),
            None if r["impunity_rate"] in ("", "None", "nan") else round(float(r["impunity_rate"]), 6),
        )
        for r in rows
    }
    assert len(expected) > 100 and actual == expected
    assert Counter(v[1] > 0 for v in actual.values())[True] > 0


def test_every_metric_answers_and_matches_its_mart(mf):
    """Each metric the semantic layer defines is asked of `mf query` and compared with the mart (or
    published core table) that holds the same count; a metric added without a check fails here."""
    import yaml

    semantic = yaml.safe_load((mf.root / "models" / "semantic" / "_semantic__models.yml").read_text(encoding="utf-8"))
    defined = {metric["name"] for metric in semantic["metrics"]}
    checked_above = {"sdg_16_10_1_persons", "criminal_charges", "incidents", "killings", "complete_impunity_killings", "impunity_rate"}

    def by_period(rows, prefix, metrics):
        return {(r[f"{prefix}__country_code"], r[f"{prefix}__period_year"]): tuple(
            None if r[m] in ("", "None", "nan") else round(float(r[m]), 6) for m in metrics) for r in rows}

    def expected(sql):
        return {(c, str(y)): tuple(None if v is None else round(float(v), 6) for v in values)
                for c, y, *values in mart(mf.warehouse, sql)}

    incident_metrics = ["incidents", "verified_incidents", "share_verified", "register_incidents"]
    incidents = by_period(mf(incident_metrics, ["incident__country_code", "incident__period_year"]), "incident", incident_metrics)
    assert incidents == expected("""
        select country_code, period_year,
               count(*) filter (where event_year = period_year),
               count(*) filter (where event_year = period_year and is_verified),
               (count(*) filter (where event_year = period_year and is_verified))
                   / nullif(count(*) filter (where event_year = period_year), 0),
               count(*)
        from core.fct_incidents group by all""")

    victim_metrics = ["victims", "persons", "register_victims"]
    victims = by_period(mf(victim_metrics, ["incident__country_code", "incident__period_year"]), "incident", victim_metrics)
    assert victims == expected("""
        select country_code, period_year,
               count(*) filter (where event_year = period_year),
               count(distinct victim_key) filter (where event_year = period_year),
               count(*)
        from marts.incident_register group by all""")

    convictions = by_period(mf(["convictions"], ["legal_action__country_code", "legal_action__period_year"]), "legal_action", ["convictions"])
    assert {k: v for k, v in convictions.items() if v != (0,)} == expected("""
        select country_code, period_year, count(distinct legal_action_id)
        from marts.impunity_tracker
        where impunity_status = 'perpetrator_convicted' and legal_action_id is not null
        group by all""")

    known = mf(["killings_with_known_outcome"], ["killing__country_code", "killing__event_year"])
    assert {(r["killing__country_code"], r["killing__event_year"]): int(r["killings_with_known_outcome"]) for r in known} == {
        (c, str(y)): int(n) for c, y, n in mart(mf.warehouse, """
            select country_code, event_year, killings - outcome_unknown from marts.impunity_by_country
            where is_all_sources""")}

    assert defined == checked_above | set(incident_metrics) | set(victim_metrics) | {"convictions", "killings_with_known_outcome"}
    assert all(v[3] > 0 for v in incidents.values()) and sum(v[0] for v in convictions.values()) > 0


def kz_2020_incidents(output: str) -> tuple[int, int]:
    """incidents and register_incidents of KZ 2020 from mf's printed table (the README's first query)."""
    header = next(line.split() for line in output.splitlines() if "register_incidents" in line.split())
    row = next(line.split() for line in output.splitlines() if line.split()[:2] == ["KZ", "2020"])
    return int(row[header.index("incidents")]), int(row[header.index("register_incidents")])


def test_the_readme_metrics_recipe_runs_as_written_and_make_docs_keeps_it_working(published_copy):
    """The semantic layer's commands of the README, exactly as written, in a fresh project copy (its
    working directory: the recipe's warehouse/jsi.duckdb is the copy's published file and its
    target/metrics copy stays inside it); then `make docs` as the README names it, after which mf
    still answers without a new parse (make docs once rewrote target/semantic_manifest.json to
    name its docs catalogue). The README's KZ 2020 query gives the marts' cells."""
    root, warehouse = published_copy
    with_installed_toolchain(root)
    recipe = code_block("bash", ".venv/bin/mf query")
    result = run_recipe(recipe, root)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-5000:]
    assert "ERRORS: 0" in output and "ERROR:" not in output

    with duckdb.connect(str(warehouse), read_only=True) as con:
        a1 = con.execute("""select measure_value from marts.indicator_measures where country_code = 'KZ'
            and period_year = 2020 and indicator_code = 'A1' and measure = 'incidents' and breakdown = 'total'""").fetchone()[0]
        register = con.execute("select count(*) from core.fct_incidents where country_code = 'KZ' and period_year = 2020").fetchone()[0]
    assert kz_2020_incidents(output) == (int(a1), register)

    manifests = {name: (root / "target" / name).read_bytes() for name in ("semantic_manifest.json", "manifest.json")}
    docs_page = re.search(r"`make docs` \(static dbt docs site,\s*`([^`]+)`", readme_text()).group(1)
    docs = run_recipe("make docs", root)
    assert docs.returncode == 0, docs.stdout[-3000:] + docs.stderr[-3000:]
    assert (root / docs_page).stat().st_size > 0
    assert {name: (root / "target" / name).read_bytes() for name in manifests} == manifests

    # the recipe's queries again, in the same shell state, without parsing again
    setup, queries = recipe.split(".venv/bin/dbt parse --no-partial-parse\n")
    again = run_recipe(next(line for line in setup.splitlines() if line.startswith("export JSI_WAREHOUSE=")) + "\n" + queries, root)
    assert again.returncode == 0, (again.stdout + again.stderr)[-5000:]
    assert kz_2020_incidents(again.stdout) == (int(a1), register)
