"""One definition of each count: the marts keep their SQL, and each mart's headline equals the same
metric of the semantic layer (dbt MetricFlow, models/semantic/_semantic__models.yml) as `mf query`
answers it. mf opens the warehouse through the dbt profile, so it queries a copy of the built file
(the session's read-only connections keep the original open)."""

from __future__ import annotations

import csv
import shutil
from collections import Counter
from pathlib import Path

import duckdb
import pytest

from conftest import VENV_BIN, run


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
    expected = {(c, str(y)): int(n) for c, y, n in mart(mf.warehouse, """
        select country_code, period_year, sum(incident_count) from marts.incidents_monthly
        group by all having sum(incident_count) > 0""")}
    rows = mf(["incidents"], ["incident__country_code", "incident__period_year"],
              where="{{ Dimension('incident__is_in_own_period') }}")
    actual = {(r["incident__country_code"], r["incident__period_year"]): int(r["incidents"]) for r in rows}
    assert expected and actual == expected


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

    incident_metrics = ["incidents", "verified_incidents", "share_verified"]
    incidents = by_period(mf(incident_metrics, ["incident__country_code", "incident__period_year"]), "incident", incident_metrics)
    assert incidents == expected("""
        select country_code, period_year, count(*), count(*) filter (where is_verified),
               (count(*) filter (where is_verified)) / count(*)
        from core.fct_incidents group by all""")

    victim_metrics = ["victims", "persons"]
    victims = by_period(mf(victim_metrics, ["incident__country_code", "incident__period_year"]), "incident", victim_metrics)
    assert victims == expected("""
        select country_code, period_year, count(*), count(distinct victim_key)
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
    assert all(v[0] > 0 for v in incidents.values()) and sum(v[0] for v in convictions.values()) > 0
