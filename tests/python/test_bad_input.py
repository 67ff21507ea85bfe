"""Bad seed input stops `make build` with the file, row, column and value, and leaves the
published warehouse byte-identical."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from conftest import broken_builds, rewrite_seed, run, selected_cases


def rewrite_cell(path: Path, row_number: int, column: str, value: str) -> None:
    rewrite_seed(path, lambda rows: rows[row_number - 1].__setitem__(column, value))


def duplicate_row(path: Path, row_number: int) -> None:
    rewrite_seed(path, lambda rows: rows.append(dict(rows[row_number - 1])))


def add_stray_field(path: Path, line_number: int) -> None:
    """Break one line of the file: an extra field, as a stray comma in an unquoted cell makes."""
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[line_number - 1] += ",stray"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_bytes_in(path: Path, text: str, replacement: bytes) -> None:
    """Replace the first occurrence of a text in a file with raw bytes (e.g. Latin-1)."""
    content = path.read_bytes()
    assert text.encode() in content
    path.write_bytes(content.replace(text.encode(), replacement, 1))


def drop_column(path: Path, column: str) -> None:
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        fields, rows = [f for f in reader.fieldnames if f != column], list(reader)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n", extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)


EVENTS = Path("seeds/raw/raw_incident_events.csv")

CASES = {
    "malformed_date": (lambda root: rewrite_cell(root / EVENTS, 3, "event_date", "2020-02-31"),
                       ["raw_incident_events.csv", "row 3", "column event_date", "2020-02-31", "not a valid date"]),
    "unknown_category": (lambda root: rewrite_cell(root / EVENTS, 2, "category_code", "alien_abduction"),
                         ["raw_incident_events.csv", "row 2", "column category_code", "alien_abduction", "vocab_incident_categories"]),
    "malformed_row": (lambda root: add_stray_field(root / EVENTS, 5),
                      ["raw_incident_events.csv", "line 5", "malformed CSV row"]),
    "duplicate_key": (lambda root: duplicate_row(root / EVENTS, 4),
                      ["raw_incident_events.csv", "column event_id", "duplicate key value"]),
    # mapping seeds are read as loaded (no staging view trims them): a padded label would miss
    # every join, so it stops the build
    # the file itself: its encoding, a byte-order mark, its header, an empty file (issue 28)
    "latin1_bytes": (lambda root: write_bytes_in(root / EVENTS, "Almaty", "Alma\xe9ty".encode("latin-1")),
                     ["raw_incident_events.csv", "line 2", "column city", "Almaéty", "not UTF-8"]),
    "byte_order_mark": (lambda root: (root / EVENTS).write_bytes(b"\xef\xbb\xbf" + (root / EVENTS).read_bytes()),
                        ["raw_incident_events.csv", "line 1", "byte-order mark"]),
    "missing_column": (lambda root: drop_column(root / EVENTS, "city"),
                       ["raw_incident_events.csv", "line 1", "column city", "missing from the header"]),
    "zero_byte_seed": (lambda root: (root / "seeds/raw/raw_survey_responses.csv").write_bytes(b""),
                       ["raw_survey_responses.csv", "empty (zero bytes)"]),
    "header_only_seed": (lambda root: rewrite_seed(root / "seeds/raw/raw_survey_responses.csv", lambda rows: rows.clear()),
                         ["raw_survey_responses.csv", "no data row"]),
    # every code of a multi-valued cell, and countries against ISO 3166-1
    "unknown_secondary_category": (lambda root: rewrite_cell(root / EVENTS, 2, "secondary_category_codes", "threat;alien_abduction"),
                                   ["raw_incident_events.csv", "row 2", "column secondary_category_codes", "'alien_abduction'",
                                    "vocab_incident_categories"]),
    "unknown_country": (lambda root: rewrite_cell(root / EVENTS, 2, "event_country_code", "ZZ"),
                        ["raw_incident_events.csv", "row 2", "column event_country_code", "'ZZ'", "ref_countries"]),
    # a country that no longer exists (ISO 3166-3) is an event country, never the assessed country
    "historical_assessed_country": (lambda root: rewrite_cell(root / EVENTS, 2, "country_code", "YUCS"),
                                    ["raw_incident_events.csv", "row 2", "column country_code", "'YUCS'", "ref_countries"]),
    # a location of a territory the location rule splits that no row places stops the build
    "unmapped_location": (lambda root: rewrite_seed(root / "seeds/monitors/cpj/xwalk_cpj__location_country.csv",
                                                    lambda rows: rows.remove(next(r for r in rows if r["location"] == "Gaza City"))),
                          ["field location", "'Israel and the Occupied Palestinian Territory: Gaza City' has no mapping (4 record(s))",
                           "xwalk_cpj__location_country.csv"]),
    # an empty cell is the label "(not stated)": a mapping seed that lost its row stops the build,
    # naming it, instead of dropping the records through the join
    "empty_label_unmapped": (lambda root: rewrite_seed(root / "seeds/monitors/cpj/xwalk_cpj__impunity.csv",
                                                       lambda rows: rows.remove(next(r for r in rows if r["source_label"] == "(not stated)"))),
                             ["field impunityMurder", "value '(not stated)' has no mapping", "xwalk_cpj__impunity.csv"]),
    # a mapping keyed on two fields: a type of death means a killing only with CPJ's status Killed
    "two_field_mapping_unmapped": (lambda root: rewrite_seed(root / "seeds/monitors/cpj/xwalk_cpj__type_of_death.csv",
                                                             lambda rows: rows.remove(next(r for r in rows if r["status"] == "Killed"
                                                                                           and r["source_label"] == "N/A"))),
                                   ["field status x typeOfDeath", "value 'Killed x N/A' has no mapping", "xwalk_cpj__type_of_death.csv"]),
    # a decision whose id is no record would withhold nobody: the build stops and names it
    "mistyped_confidentiality_decision": (
        lambda root: rewrite_seed(root / "seeds/reference/ref_confidentiality_decisions.csv", lambda rows: rows.append(
            {"incident_victim_id": "KZ-2020-VI-9009", "subject": "victim", "confidentiality_level": "withhold_name",
             "reason": "test: a mistyped id", "source_section": "", "source_locator": ""})),
        ["every_decision_names_a_record", "ref_confidentiality_decisions.csv", "incident_victim_id=KZ-2020-VI-9009",
         "would withhold nobody"]),
    "padded_label": (lambda root: rewrite_cell(root / "seeds/monitors/cpj/xwalk_cpj__sex.csv", 1, "sex", " male"),
                     ["xwalk_cpj__sex.csv", "row 1", "column sex", "' male'", "white space"]),
}


@pytest.fixture(scope="module")
def broken(request, built_project, tmp_path_factory):
    """Each selected case's `make build` on its broken copy (conftest.broken_builds: two at a time)."""
    names = selected_cases(request, "test_bad_seed_fails_build_with_location_and_keeps_warehouse")
    return broken_builds({name: CASES[name][0] for name in names}, tmp_path_factory.mktemp("bad_input"), built_project[1])


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_seed_fails_build_with_location_and_keeps_warehouse(case, broken):
    result, before, after, root = broken[case]
    expected = CASES[case][1]
    output = result.stdout + result.stderr
    assert result.returncode != 0, output[-3000:]
    for fragment in expected:
        assert fragment in output, f"{fragment!r} missing from:\n{output[-3000:]}"
    if case == "duplicate_key":
        with (root / EVENTS).open(newline="", encoding="utf-8") as handle:
            key = list(csv.DictReader(handle))[3]["event_id"]
        assert key in output
    assert after == before, "the published warehouse changed after a failed build"


def test_a_run_that_is_not_an_append_on_an_existing_warehouse_stops_instead_of_keeping_stale_rows(published_copy):
    """Issue 30: after a change to a monitor's mapping, `dbt build --select <monitor model>+` on the
    existing warehouse would keep the facts' old rows (a monitor's records are batch 0, older than any
    append). It stops at the first incremental model, naming it and the ways to rebuild."""
    root, warehouse = published_copy
    copy = warehouse.with_name("rebuilt.duckdb")
    shutil.copyfile(warehouse, copy)
    rewrite_cell(root / "seeds/monitors/cpj/xwalk_cpj__sex.csv", 1, "sex", "female")
    result = run(["dbt", "build", "--select", "xwalk_cpj__sex+"], cwd=root, warehouse=copy)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output[-3000:]
    assert "is built incrementally, by load batch, and the warehouse already holds it" in output
    assert "dbt build --full-refresh" in output and "make build" in output


def test_seed_validation_runs_only_when_seeds_are_selected(published_copy):
    """A run that selects no seed (make append, dbt build --select a model) does not validate the
    seed files: it reads the seed tables already loaded. A run that selects a seed does."""
    root, warehouse = published_copy
    rewrite_cell(root / EVENTS, 2, "category_code", "alien_abduction")
    without_seeds = run(["dbt", "build", "--select", "dim_regions"], cwd=root, warehouse=warehouse)
    output = without_seeds.stdout + without_seeds.stderr
    assert without_seeds.returncode == 0, output[-3000:]
    assert "Seed validation skipped" in output
    with_seed = run(["dbt", "build", "--select", "raw_incident_events"], cwd=root, warehouse=warehouse)
    output = with_seed.stdout + with_seed.stderr
    assert with_seed.returncode != 0
    assert "alien_abduction" in output and "Seed validation skipped" not in output
