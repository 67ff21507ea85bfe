"""CPJ's prison census (the Imprisoned rows of the 2020 cleaned copy) recomputed here from the
original file with the csv module, independently of the models, and compared with the warehouse:
persons in custody per country and census year (marts.persons_in_custody_by_census), the
deprivations of liberty (consecutive census years of one person in one country), the file's
rows all accounted for, and Kazakhstan's journalists by name."""

from __future__ import annotations

import csv
import unicodedata
from collections import defaultdict
from pathlib import Path

from conftest import PROJECT_ROOT
from test_monitor_exports import cpj_placer

CENSUS = Path("seeds/external/cpj_killed_imprisoned_1992_2020/Cleaned_Dataset.csv")
SOURCE_ID = "cpj_killed_imprisoned_1992_2020"


def file_rows() -> list[dict[str, str]]:
    with (PROJECT_ROOT / CENSUS).open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def fold(name: str) -> str:
    """A name with case, accents and runs of spaces folded: one person in CPJ's census."""
    decomposed = unicodedata.normalize("NFD", " ".join(name.split()).lower())
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn")


def census_rows() -> list[tuple[int, dict[str, str]]]:
    """(row number, row) of each census row: status Imprisoned, numbered from 1 after the header."""
    return [(n, r) for n, r in enumerate(file_rows(), start=1) if r["status"].strip().lower() == "imprisoned"]


def placed_census() -> tuple[dict[tuple[str, int], set[str]], set[int]]:
    """Persons (folded names) per (country code, census year), and the rows no country places."""
    place = cpj_placer()
    persons: dict[tuple[str, int], set[str]] = defaultdict(set)
    unplaced = set()
    for number, row in census_rows():
        code = place(row)
        if code is None:
            unplaced.add(number)
            continue
        persons[(code, int(row["Year"]))].add(fold(row["fullName"]))
    return persons, unplaced


def test_every_row_of_the_file_is_accounted_for(warehouse_con):
    """Killed rows superseded (none loaded), census rows observed or quarantined: the file's rows."""
    rows = file_rows()
    assert len(rows) == 6763
    killed = sum(1 for r in rows if r["status"] == "Killed")
    census = len(census_rows())
    assert (killed, census) == (1909, 4854)
    superseded, loaded_records = warehouse_con.execute(
        "select count(*) filter (where superseded_by_source_id is not null),"
        " count(*) filter (where superseded_by_source_id is null and rejected_column is null)"
        " from monitors.cpj__monitor_records where source_id = ?", [SOURCE_ID]
    ).fetchone()
    assert (superseded, loaded_records) == (killed, 0)
    observed = warehouse_con.execute(
        "select count(*) from core.fct_custody_observations where source_id = ?", [SOURCE_ID]).fetchone()[0]
    quarantined = {r[0] for r in warehouse_con.execute(
        "select source_row_number from core.rejected_source_records where source_id = ?", [SOURCE_ID]).fetchall()}
    _, unplaced = placed_census()
    assert quarantined == unplaced
    assert superseded + loaded_records + observed + len(quarantined) == len(rows)


def test_persons_in_custody_per_country_and_census_equal_the_file(warehouse_con):
    persons, _ = placed_census()
    expected = {key: len(names) for key, names in persons.items()}
    in_mart = {(code, year): count for code, year, count in warehouse_con.execute(
        "select country_code, census_year, persons_in_custody from marts.persons_in_custody_by_census").fetchall()}
    assert in_mart == expected


def test_deprivations_are_runs_of_consecutive_census_years(warehouse_con):
    place = cpj_placer()
    years: dict[tuple[str, str], list[int]] = defaultdict(list)
    for _, row in census_rows():
        code = place(row)
        if code is not None:
            years[(fold(row["fullName"]), code)].append(int(row["Year"]))
    runs = 0
    for listed in years.values():
        ordered = sorted(listed)
        runs += 1 + sum(1 for a, b in zip(ordered, ordered[1:]) if b - a > 1)
    persons, deprivations, observations = warehouse_con.execute(
        "select count(distinct person_key), count(distinct deprivation_id), count(*) from core.fct_custody_observations"
    ).fetchone()
    assert deprivations == runs
    assert persons == len({name for name, _ in years})
    assert observations == sum(len(v) for v in years.values())
    assert warehouse_con.execute("select count(*) from core.fct_deprivations_of_liberty").fetchone()[0] == runs
    # a census does not state when a deprivation began: never a date
    assert warehouse_con.execute(
        "select count(*) from core.fct_deprivations_of_liberty where deprivation_start_date is not null").fetchone()[0] == 0


def test_kazakhstan_by_name(warehouse_con):
    """The journalists the file holds in custody in Kazakhstan (the shared README names them;
    Bigeldy Gabdullin is in the 2016 census only in this file)."""
    expected = {
        "Sergei Duvanov": (2002, 2003, 2),
        "Ramazan Yesergepov": (2009, 2011, 3),
        "Aset Matayev": (2016, 2017, 2),
        "Seytkazy Matayev": (2016, 2017, 2),
        "Bigeldy Gabdullin": (2016, 2016, 1),
        "Amangeldy Batyrbekov": (2019, 2019, 1),
    }
    in_file: dict[str, list[int]] = defaultdict(list)
    for _, row in census_rows():
        if row["country"] == "Kazakhstan":
            in_file[row["fullName"]].append(int(row["Year"]))
    assert {n: (min(y), max(y), len(y)) for n, y in in_file.items()} == expected
    in_warehouse = {name: (first, last, count) for name, first, last, count in warehouse_con.execute(
        "select person_name, first_census_year, last_census_year, censuses_observed"
        " from core.fct_deprivations_of_liberty where country_code = 'KZ'").fetchall()}
    assert in_warehouse == expected
    assert warehouse_con.execute(
        "select count(*) from core.fct_custody_observations where country_code = 'KZ'").fetchone()[0] == 11
    # every observation leads back to its row of the file
    rows = file_rows()
    for number, name, year in warehouse_con.execute(
        "select source_row_number, person_name, census_year from core.fct_custody_observations where country_code = 'KZ'"
    ).fetchall():
        assert (rows[number - 1]["fullName"], int(rows[number - 1]["Year"])) == (name, year)


def test_batyrbekov_in_custody_is_the_party_of_the_reports_legal_action(warehouse_con):
    """Issue 30: the person the 2019 census holds in Kazakhstan is the journalist of the report's
    legal action KZ-2020-LA-055 (sentenced on insult charges, acquitted in 2020): one person, the
    key dim_victims gives him. The other Kazakh persons in custody are named by no record within a
    year of their censuses and stay unlinked."""
    party = warehouse_con.execute(
        "select victim_key from core.fct_legal_actions where legal_action_id = 'KZ-2020-LA-055'").fetchone()[0]
    linked = warehouse_con.execute(
        "select person_name, victim_key, person_link_basis from core.fct_deprivations_of_liberty"
        " where country_code = 'KZ' and victim_key is not null").fetchall()
    assert [(name, key) for name, key, _ in linked] == [("Amangeldy Batyrbekov", party)]
    assert linked[0][2].startswith("name key amangeldi batirbekov, country KZ, in custody at the censuses of 2019-2019")
    assert warehouse_con.execute("select victim_name, legal_action_count from core.dim_victims where victim_key = ?",
                                 [party]).fetchone() == ("Amangeldy Batyrbekov", 1)
    # every link names a person of dim_victims, and no key is taken when several persons match
    assert warehouse_con.execute(
        "select count(*) from core.fct_deprivations_of_liberty d anti join core.dim_victims v using (victim_key)"
        " where d.victim_key is not null").fetchone()[0] == 0
