"""No withheld name reaches a public output. The real build withholds private individuals among the
perpetrators (ref_confidentiality_rules); a copy of the project adds a decision that withholds a
named victim (ref_confidentiality_decisions) and checks every public output for the name: the
public schema, the files of `make export`, the static report and the dashboard's explorer data."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import duckdb
import pytest

from conftest import copy_project, run
from jsi_apps import explorer, queries

# withheld in a copy of the project: one named only in the register, two whom the report's figures
# also name (detention_duration, person=indira_kakimova and person=nagashybek_bekdair), so that
# the reconciliation of published figures would show them
WITHHELD_VICTIMS = [("KZ-2020-VI-009", "Tamara Vaal"), ("KZ-2020-VI-026", "Indira Kakimova"),
                    ("KZ-2020-VI-041", "Nagashybek Bekdair")]


def withheld_texts() -> list[str]:
    """What no public output may hold: each name, its surname and the key the figures give it."""
    texts = []
    for _, name in WITHHELD_VICTIMS:
        texts += [name, name.split()[-1], name.lower().replace(" ", "_")]
    return texts


def leaks(text: str) -> list[str]:
    return [t for t in withheld_texts() if t.lower() in text.lower()]


def public_text(con) -> str:
    """Every cell of every table of the public schema, as one text."""
    parts = []
    for (table,) in con.execute("select table_name from information_schema.tables where table_schema = 'public'").fetchall():
        for row in con.execute(f"select * from public.{table}").fetchall():
            parts.extend("" if v is None else str(v) for v in row)
    return "\n".join(parts)


@pytest.fixture
def con(built_project):
    """A read-only connection closed after the test (the session's shared one would keep the file
    open with a configuration SQLAlchemy's engine cannot share)."""
    _, warehouse = built_project
    connection = duckdb.connect(str(warehouse), read_only=True)
    yield connection
    connection.close()


def test_private_individuals_are_never_named_in_the_public_register(con):
    warehouse_con = con
    withheld = warehouse_con.execute(
        """
        select distinct incident_key, perpetrator_description from marts.incident_register
        where perpetrator_confidentiality != 'public' and perpetrator_description is not null
        """
    ).fetchall()
    assert withheld, "the rule withholds some perpetrators in the shipped data"
    shown = warehouse_con.execute(
        """
        select count(*) from public.incident_register as p
        inner join marts.incident_register as m using (incident_victim_key)
        where m.perpetrator_confidentiality != 'public'
          and (p.perpetrator_description != 'withheld' or p.event_summary = m.event_summary)
        """
    ).fetchone()[0]
    assert shown == 0
    # a named attacker of the shipped data: in the internal register, nowhere in the public schema
    internal = warehouse_con.execute(
        "select perpetrator_description from marts.incident_register where event_id = 'KZ-2020-EV-002' limit 1"
    ).fetchone()[0]
    assert "Takhambetov" in internal
    text = public_text(warehouse_con)
    assert "Takhambetov" not in text
    # private persons the texts name under another perpetrator type (convicted organisers coded
    # security_services, a picketer, an insulted complainant): withheld by their coded names
    private = warehouse_con.execute(
        "select name_as_written from raw.ref_named_private_persons where decision = 'withhold_name'").fetchall()
    assert len(private) >= 10
    internal_text = warehouse_con.execute(
        "select string_agg(concat_ws(' ', event_summary, perpetrator_description, source_record_locator), ' ') "
        "from marts.incident_register").fetchone()[0]
    assert "Almaz Igelikov" in internal_text, "the internal register names them: the test can see a leak"
    assert [name for (name,) in private if name in text] == []


def test_small_cells_are_suppressed(con):
    rows = con.execute(
        "select victims, is_suppressed from public.victims_by_sex_and_region"
    ).fetchall()
    threshold = 3  # dbt_project.yml var public_min_cell_count
    assert any(suppressed for _, suppressed in rows)
    assert all((v is None) == s for v, s in rows)
    assert all(v >= threshold for v, s in rows if not s)


@pytest.fixture(scope="module")
def withheld_build(tmp_path_factory):
    """A project copy where the source says three named victims must not be named."""
    root = copy_project(tmp_path_factory.mktemp("confidential") / "project")
    decisions = root / "seeds" / "reference" / "ref_confidentiality_decisions.csv"
    with decisions.open("a", newline="", encoding="utf-8") as handle:
        for victim_id, _ in WITHHELD_VICTIMS:
            csv.writer(handle, lineterminator="\n").writerow(
                [victim_id, "victim", "withhold_name", "test: the victim asked not to be named", "", ""]
            )
    warehouse = root / "warehouse" / "jsi.duckdb"
    result = run(["make", "build"], cwd=root, warehouse=warehouse)
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr[-3000:]
    return root, warehouse


def test_withheld_victims_reach_no_public_output(withheld_build, tmp_path):
    """Every surface scanned for the names, surnames and figure keys: the public schema, the files
    of make export, the static report, and every section of the dashboard's explorer and assessment
    view (the pages read only the public schema and aggregates)."""
    root, warehouse = withheld_build
    with duckdb.connect(str(warehouse), read_only=True) as con:
        for _, name in WITHHELD_VICTIMS:
            internal = con.execute("select count(*) from marts.incident_register where victim_name = ?", [name]).fetchone()[0]
            assert internal > 0, f"{name} is in the internal register"
        internal_figures = con.execute(
            "select count(*) from marts.published_figure_reconciliation where dimension_key like '%person=indira_kakimova%'"
        ).fetchone()[0]
        assert internal_figures > 0, "the internal reconciliation names the person: the test can see a leak"
        withheld_count = con.execute("select count(*) from marts.incident_register where victim_confidentiality != 'public'").fetchone()[0]
        assert leaks(public_text(con)) == []

    export = tmp_path / "export"
    result = run(["make", "export", f"EXPORT_DIR={export}"], cwd=root, warehouse=warehouse)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    files = sorted(export.iterdir())
    assert {p.name for p in files} >= {"incident_register.csv", "incident_register.parquet", "data_dictionary.md",
                                       "data_dictionary.csv", "published_figure_reconciliation.csv", "indicator_scorecard.csv"}
    for path in files:
        if path.suffix == ".parquet":
            with duckdb.connect() as con:
                content = "\n".join(str(v) for row in con.execute(f"select * from read_parquet('{path}')").fetchall() for v in row)
        else:
            content = path.read_text(encoding="utf-8")
        assert leaks(content) == [], f"{path.name} names a withheld victim"

    # the report of the copy (python -m puts the working directory, the copy, first on the path)
    report = tmp_path / "report.html"
    result = run(
        [sys.executable, "-m", "jsi_apps.report", "--warehouse", str(warehouse), "--out", str(report)],
        cwd=root, warehouse=warehouse,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert leaks(report.read_text(encoding="utf-8")) == [], "the static report names a withheld victim"

    everything = explorer.Selection()
    table = explorer.incident_table(warehouse, everything)
    assert (table["Victim"] == "name withheld").sum() == withheld_count
    pages = [table, explorer.impunity(warehouse, everything), explorer.impunity_cases(warehouse, everything),
             explorer.source_comparison(warehouse, everything), explorer.reconciliation(warehouse, everything),
             explorer.sdg_summary(warehouse, everything)]
    # the detail page of every incident of the country where the withheld victims are (a query each)
    for event_id in table.loc[table["Country"] == "Kazakhstan", "Incident"].unique():
        pages += list(explorer.incident_detail(warehouse, event_id).values())
    for country, year in queries.periods(warehouse)[["country_code", "period_year"]].itertuples(index=False):
        pages += [queries.scorecard(warehouse, country, int(year)), queries.sdg_cells(warehouse, country, int(year)),
                  queries.criminal_charges(warehouse, country, int(year))]
    assert leaks("\n".join(frame.to_csv(index=False) for frame in pages)) == [], "a page of the dashboard names a withheld victim"
