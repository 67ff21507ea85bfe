"""The methodology page is generated from the warehouse, so it cannot drift: the section committed
in the dbt docs overview equals what the built warehouse generates, and it lists every category
and every vocabulary term the page covers."""

from __future__ import annotations

import re

from conftest import PROJECT_ROOT
from jsi_apps import methodology


def test_the_overview_methodology_is_what_the_warehouse_generates(built_project):
    _, warehouse = built_project
    frames = methodology.load(warehouse)
    generated = methodology.markdown(frames)
    committed = methodology.DOCS.read_text(encoding="utf-8")
    section = re.search(re.escape(methodology.START) + r"\n(.*?)" + re.escape(methodology.END), committed, re.S)
    assert section, "the overview has no generated methodology section"
    assert section.group(1) == generated, (
        "the methodology in models/_docs.md is stale: run "
        "python -m jsi_apps.methodology --warehouse <built warehouse> --write-overview"
    )


def test_the_methodology_lists_every_category_with_its_mappings(warehouse_con):
    page = methodology.markdown(methodology.load(
        __import__("pathlib").Path(warehouse_con.execute("select path from duckdb_databases() where database_name = current_database()").fetchone()[0])
    ))
    categories = warehouse_con.execute(
        "select category_name, sdg_violation_name, jfj_category_name, not_counted from marts.methodology_categories"
    ).fetchall()
    seeded = sum(1 for _ in (PROJECT_ROOT / "seeds" / "vocab" / "vocab_incident_categories.csv").open()) - 1
    assert len(categories) == seeded
    for name, sdg, jfj, not_counted in categories:
        row = next(line for line in page.splitlines() if line.startswith(f"| {name} |"))
        assert sdg in row and jfj in row and not_counted in row
    for (label,) in warehouse_con.execute(
        "select term_label from marts.vocabulary_terms where vocabulary = 'verification_status'"
    ).fetchall():
        assert f"| {label} |" in page


def test_the_counting_rules_are_split_where_they_are_numbered():
    """A rule is cut at " (N) " only: "(ICCPR art. 6(1))" stays inside rule 3, whole."""
    intro, *rules = methodology.sdg_rules()
    assert len(rules) == 8  # (1)-(7), and (8) one person across sources
    for rule in [intro, *rules]:
        assert rule.count("(") == rule.count(")"), rule
    assert "ICCPR art. 6(1)); an attempt is an other harmful act" in rules[2]
