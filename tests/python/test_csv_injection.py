"""CSV injection (issue 28): a name that a spreadsheet would run as a formula (=HYPERLINK(...),
=cmd|..., +, -, @, a tab) comes out of every CSV the project writes as text, prefixed with a
quote: the public export (make export), the explorer's download and the static report's
download. Each writer is run on a copy of the built warehouse whose public register holds such
names; the Parquet export keeps the values as they are."""

from __future__ import annotations

import csv
import html
import io
import json
import re
import shutil
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from jsi_apps import explorer, export, report, safe_csv

FORMULAS = ["=HYPERLINK(\"http://example.invalid\",\"x\")", "=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)", "\tTAB"]


def test_the_rule_prefixes_formulas_and_leaves_other_cells():
    assert [safe_csv.cell(v) for v in FORMULAS] == ["'" + v for v in FORMULAS]
    assert [safe_csv.cell(v) for v in ["Askhat", "", "2020-01-01", 12, None]] == ["Askhat", "", "2020-01-01", 12, None]
    frame = safe_csv.frame(pd.DataFrame({"name": ["=1+1", "plain"], "count": [1, -2]}))
    assert frame["name"].tolist() == ["'=1+1", "plain"] and frame["count"].tolist() == [1, -2]


@pytest.fixture(scope="module")
def poisoned(built_project, tmp_path_factory) -> tuple[Path, list[str]]:
    """A copy of the built warehouse whose public register names victims with formulas."""
    root, source = built_project
    warehouse = tmp_path_factory.mktemp("poisoned") / "jsi.duckdb"
    shutil.copyfile(source, warehouse)
    with duckdb.connect(str(warehouse)) as con:
        ids = [r[0] for r in con.execute(
            "select incident_victim_id from public.incident_register where event_country_code = 'KZ' "
            "order by incident_victim_id limit ?", [len(FORMULAS)]).fetchall()]
        for victim_id, formula in zip(ids, FORMULAS):
            con.execute("update public.incident_register set victim_label = ? where incident_victim_id = ?", [formula, victim_id])
    return warehouse, ids


def test_make_export_writes_formulas_as_text_in_csv_and_as_they_are_in_parquet(poisoned, built_project, tmp_path):
    warehouse, _ = poisoned
    root, _ = built_project
    export.export(warehouse, root / "target" / "manifest.json", tmp_path)
    with (tmp_path / "incident_register.csv").open(encoding="utf-8", newline="") as handle:
        labels = {row["victim_label"] for row in csv.DictReader(handle)}
    assert {"'" + f for f in FORMULAS} <= labels
    assert not any(label.startswith(safe_csv.FORMULA_STARTS) for label in labels)
    parquet = {r[0] for r in duckdb.sql(f"select victim_label from '{tmp_path / 'incident_register.parquet'}'").fetchall()}
    assert set(FORMULAS) <= parquet


def test_the_explorer_download_writes_formulas_as_text(poisoned):
    warehouse, _ = poisoned
    table = explorer.incident_table(warehouse, explorer.Selection({"country": ["KZ"]}))
    rows = list(csv.DictReader(io.StringIO(explorer.to_csv(table).decode("utf-8"))))
    victims = {row["Victim"] for row in rows}
    assert {"'" + f for f in FORMULAS} <= victims
    assert not any(v.startswith(safe_csv.FORMULA_STARTS) for v in victims)
    assert set(FORMULAS) <= set(table["Victim"]), "the table on the page shows the names as they are"


def test_the_static_report_download_writes_formulas_as_text(poisoned):
    warehouse, _ = poisoned
    section = report.explorer_section(warehouse, "KZ")
    values = {html.unescape(v) for v in re.findall(r'data-value="([^"]*)"', section)}
    assert {"'" + f for f in FORMULAS} <= values
    assert not any(v.startswith(safe_csv.FORMULA_STARTS) for v in values)
