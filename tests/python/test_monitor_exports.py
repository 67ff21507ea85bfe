"""Monitor exports read in place: every record is loaded or quarantined, counted independently
from the file; a new label, a wrong encoding or a missing column stops `make build` with the
source, file, field and value, and the published warehouse stays byte-identical."""

from __future__ import annotations

import csv
import hashlib
import json
from collections import Counter
from pathlib import Path

import pytest

from conftest import PROJECT_ROOT, broken_builds, rewrite_seed, selected_cases

CPJ = Path("seeds/external/cpj_killed_1992_2022/cpj_killed_1992_2022.csv")
A19 = Path("seeds/external/article19_mx_2012_2016/articulo19_2012_2016.json")
A19_2018 = Path("seeds/external/article19_mx_2018/agresiones.csv")


def cpj_records(root: Path = PROJECT_ROOT) -> list[dict[str, str]]:
    with (root / CPJ).open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def a19_records(root: Path = PROJECT_ROOT) -> list[dict]:
    return json.loads((root / A19).read_text(encoding="utf-8"))


def a19_2018_rows(root: Path = PROJECT_ROOT) -> list[dict[str, str]]:
    """The 2018 alerts as Python's csv module reads them (cells with line breaks inside quotes)."""
    with (root / A19_2018).open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def scalar(con, sql: str, params: list | None = None):
    return con.execute(sql, params or []).fetchone()[0]


def cpj_placer():
    """The country each CPJ record is placed in, read here from the two seeds: its country name's
    code (xwalk_cpj__country), or, for a name the location rule splits, its location's code
    (xwalk_cpj__location_country); labels compared with case and runs of spaces folded."""
    def fold(text: str) -> str:
        return " ".join((text or "").split()).lower()
    seeds = PROJECT_ROOT / "seeds" / "monitors" / "cpj"
    with (seeds / "xwalk_cpj__country.csv").open(newline="", encoding="utf-8") as handle:
        by_country = {fold(r["cpj_country"]): r["country_code"] for r in csv.DictReader(handle)}
    with (seeds / "xwalk_cpj__location_country.csv").open(newline="", encoding="utf-8") as handle:
        locations = list(csv.DictReader(handle))
    by_location = {(fold(r["cpj_country"]), fold(r["location"])): r["country_code"] for r in locations}
    split = {fold(r["cpj_country"]) for r in locations}

    def place(record: dict[str, str]) -> str | None:
        country = fold(record["country"])
        if country in split:
            return by_location.get((country, fold(record["location"]) or "(not stated)")) or None
        return by_country.get(country) or None
    return place


def test_every_cpj_record_is_loaded_or_quarantined(warehouse_con):
    in_file = len(cpj_records())
    loaded = scalar(warehouse_con, "select count(*) from monitors.int_cpj__killings where source_id = 'cpj_killed_1992_2022'")
    rejected = scalar(warehouse_con, "select count(*) from core.rejected_source_records where source_id = 'cpj_killed_1992_2022'")
    assert loaded + rejected == in_file
    # the two junk records (only a number in gender) are the only ones quarantined, by their row:
    # every other record is placed, Yugoslavia's by its ISO 3166-3 code and those of "Israel and the
    # Occupied Palestinian Territory" by their location (xwalk_cpj__location_country)
    junk = [n for n, r in enumerate(cpj_records(), start=1) if r["gender"].isdigit()]
    assert len(junk) == 2
    quarantined = {r[0] for r in warehouse_con.execute(
        "select source_row_number from core.rejected_source_records where source_id = 'cpj_killed_1992_2022'"
    ).fetchall()}
    assert quarantined == set(junk)


def test_every_article19_record_is_loaded_or_quarantined(warehouse_con):
    in_file = len(a19_records())
    loaded = scalar(warehouse_con, "select count(*) from monitors.int_article19_mx__aggressions")
    rejected = scalar(warehouse_con, "select count(*) from core.rejected_source_records where source_id = 'article19_mx_2012_2016'")
    assert loaded + rejected == in_file


def test_the_locator_leads_back_to_the_record(warehouse_con):
    records = cpj_records()
    for row_number, name, year in warehouse_con.execute(
        "select source_row_number, full_name, event_year from monitors.int_cpj__killings"
        " where country_code = 'KZ' and source_id = 'cpj_killed_1992_2022'"
    ).fetchall():
        record = records[row_number - 1]
        assert (record["fullName"], int(record["year"])) == (name, year)
    arrays = a19_records()
    for row_number, stamp in warehouse_con.execute(
        "select source_row_number, event_unix_timestamp from monitors.int_article19_mx__aggressions using sample 20 rows"
    ).fetchall():
        assert arrays[row_number - 1]["Fecha"]["unix"] == stamp


def test_cpj_counts_by_year_equal_the_file(warehouse_con):
    """Records per year in the file (counted here with the csv module) = loaded + quarantined."""
    in_file = Counter(r["year"] for r in cpj_records() if r["year"])
    in_warehouse = Counter()
    for year, count in warehouse_con.execute(
        "select event_year, count(*) from monitors.int_cpj__killings where source_id = 'cpj_killed_1992_2022' group by 1"
    ).fetchall():
        in_warehouse[str(year)] += count
    for year, count in warehouse_con.execute(
        """
        select checked.year_as_published, count(*)
        from core.rejected_source_records as rejected
        inner join monitors.int_cpj__records_checked as checked using (source_id, source_row_number)
        where rejected.source_id = 'cpj_killed_1992_2022' and checked.year_as_published is not null
        group by 1
        """
    ).fetchall():
        in_warehouse[year] += count
    assert in_warehouse == in_file


def records_in(path: Path) -> int:
    """The records of an export as its monitor's staging reads them: CSV rows after the header, or
    the items of a JSON array."""
    if path.suffix == ".json":
        return len(json.loads(path.read_text(encoding="utf-8")))
    return len(list(csv.reader(path.read_text(encoding="utf-8").splitlines()))) - 1


def record_new_vintage(root: Path, file: Path, count_records: bool = True) -> None:
    """A new vintage of an export is the file replaced and its checksum (and, unless told not to,
    its record count) updated in the monitor's row of the sources catalogue
    (seeds/monitors/<monitor>/<monitor>__source.csv)."""
    digest = hashlib.sha256((root / file).read_bytes()).hexdigest()
    updates = {"file_sha256": digest}
    if count_records:
        updates["file_record_count"] = str(records_in(root / file))
    for catalogue in (root / "seeds" / "monitors").glob("*/*__source.csv"):
        rewrite_seed(catalogue, lambda rows: [r.update(updates) for r in rows if r["file_path"] == str(file)])


def add_cpj_label(root: Path) -> None:
    """A new vintage of the CPJ export with a type of death the crosswalk does not know."""
    path = root / CPJ
    text = path.read_bytes().decode("utf-8")
    header, first, rest = text.split("\r\n", 2)
    fields = next(csv.reader([first]))
    fields[header.split(",").index("typeOfDeath")] = "Poisoning"
    fields[header.split(",").index("fullName")] = "Test Record"
    line = ",".join(f'"{f}"' if "," in f else f for f in fields)
    path.write_bytes((header + "\r\n" + first + "\r\n" + line + "\r\n" + rest).encode("utf-8"))
    record_new_vintage(root, CPJ)


def cpj_to_latin1(root: Path) -> None:
    """The CSV export saved as Latin-1 and recorded as a new vintage: dbt reads every CSV under seeds/
    while it parses the project, so `make build` checks the encoding first and names the place."""
    path = root / CPJ
    path.write_bytes(path.read_text(encoding="utf-8").encode("latin-1", errors="replace"))
    record_new_vintage(root, CPJ, count_records=False)  # the encoding stops the build first


def to_latin1(root: Path) -> None:
    path = root / A19
    path.write_bytes(path.read_text(encoding="utf-8").encode("latin-1"))


def add_bom_to_a19(root: Path) -> None:
    """The export saved by a spreadsheet that writes a byte-order mark (its vintage recorded)."""
    path = root / A19
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    record_new_vintage(root, A19, count_records=False)  # the byte-order mark stops the build first


def cut_cpj_file(root: Path) -> None:
    """The export cut at a row boundary, 869 records short, and recorded as a new vintage (its
    checksum updated, its record count not)."""
    path = root / CPJ
    rows = list(csv.reader(path.read_text(encoding="utf-8").splitlines()))
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, lineterminator="\r\n").writerows(rows[:-869])
    record_new_vintage(root, CPJ, count_records=False)


def drop_cpj_column(root: Path) -> None:
    path = root / CPJ
    rows = list(csv.reader(path.read_text(encoding="utf-8").splitlines()))
    index = rows[0].index("typeOfDeath")
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, lineterminator="\r\n").writerows([r[:index] + r[index + 1:] for r in rows])


def change_cpj_file_only(root: Path) -> None:
    """The file edited in place without recording a new vintage: the build must refuse it."""
    path = root / CPJ
    path.write_bytes(path.read_bytes().replace(b"Crossfire", b"Crossfire ", 1))


CASES = {
    "file_changed_without_new_checksum": (change_cpj_file_only, ["dim_sources", "is_file_as_published"]),
    "unmapped_label": (add_cpj_label, [
        "Unmapped label", "source cpj_killed_1992_2022", str(CPJ), "field status x typeOfDeath", "value 'Killed x Poisoning'", "add it to seeds/monitors/cpj/xwalk_cpj__type_of_death.csv",
    ]),
    "latin1_file": (to_latin1, ["Source file validation failed", str(A19), "not valid UTF-8"]),
    "missing_column": (drop_cpj_column, ["Source file validation failed", str(CPJ), "column 'typeOfDeath' missing from the header"]),
    "file_cut_short": (cut_cpj_file, ["every_monitor_file_holds_the_records_its_catalogue_declares",
                                      "source_id=cpj_killed_1992_2022", "declared_records=2165", "records_in_file=1296"]),
    "latin1_csv_export": (cpj_to_latin1, ["Input validation failed", "cpj_killed_1992_2022.csv, line", "column",
                                          "not UTF-8", "save the file as UTF-8"]),
    "byte_order_mark": (add_bom_to_a19, ["Source file validation failed", str(A19), "line 1", "byte-order mark"]),
}


@pytest.fixture(scope="module")
def broken(request, built_project, tmp_path_factory):
    """Each selected case's `make build` on its broken copy (conftest.broken_builds: two at a time)."""
    names = selected_cases(request, "test_bad_export_stops_the_build_and_keeps_the_warehouse")
    return broken_builds({name: CASES[name][0] for name in names}, tmp_path_factory.mktemp("bad_export"), built_project[1])


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_export_stops_the_build_and_keeps_the_warehouse(case, broken):
    result, before, after, _ = broken[case]
    expected = CASES[case][1]
    output = result.stdout + result.stderr
    assert result.returncode != 0, output[-3000:]
    for fragment in expected:
        assert fragment in output, f"{fragment!r} missing from:\n{output[-3000:]}"
    assert after == before, "the published warehouse changed"


def test_cpj_killings_per_country_and_year_equal_a_count_of_the_file(warehouse_con):
    """Counted here from the file with the csv module: every record with a year and a country that
    the crosswalk places in one ISO country, by (country, year); the warehouse's CPJ incidents must
    give the same table."""
    place = cpj_placer()
    expected = Counter(
        (place(r), int(r["year"]))
        for r in cpj_records()
        if r["year"].strip().isdigit() and place(r)
    )
    actual = Counter({
        (country, year): count
        for country, year, count in warehouse_con.execute(
            """
            select country_code, period_year, count(*)
            from core.fct_incidents where source_id = 'cpj_killed_1992_2022'
            group by all
            """
        ).fetchall()
    })
    assert actual == expected
    assert expected[("KZ", 2009)] == 1


def test_pavlyuk_is_one_event_group_with_two_sources(warehouse_con):
    rows = warehouse_con.execute(
        """
        select source_id, event_id from core.fct_linked_records
        where event_group_id in (
            select event_group_id from core.fct_linked_records where event_id = 'KZ-2020-EV-001'
        )
        order by source_id
        """
    ).fetchall()
    assert [r[0] for r in rows] == ["cpj_killed_1992_2022", "jsi_kz_2020"]
    comparison = warehouse_con.execute(
        """
        select source_id, source_event_groups, all_sources_event_groups from marts.source_comparison
        where country_code = 'KZ' and event_year = 2009 and sdg_violation_code = 'A'
        order by source_id
        """
    ).fetchall()
    assert comparison == [("cpj_killed_1992_2022", 1, 1), ("jsi_kz_2020", 1, 1)]


def test_article19_records_reach_the_marts(warehouse_con):
    loaded = scalar(warehouse_con, "select count(*) from monitors.int_article19_mx__aggressions")
    per_year = Counter(
        int(json_record["Fecha"]["human"].split(",")[1]) for json_record in a19_records()
    )
    monthly = dict(warehouse_con.execute(
        """
        select period_year, sum(incident_count) from marts.incidents_monthly
        where country_code = 'MX' and period_year between 2012 and 2016
        group by 1
        """
    ).fetchall())
    from_a19 = dict(warehouse_con.execute(
        "select period_year, count(*) from core.fct_incidents where source_id = 'article19_mx_2012_2016' group by 1"
    ).fetchall())
    assert sum(from_a19.values()) == loaded
    assert {year: count for year, count in from_a19.items()} == dict(per_year)
    for year, count in from_a19.items():
        assert monthly[year] >= count
    sdg_years = {r[0] for r in warehouse_con.execute(
        "select distinct period_year from marts.sdg_16_10_1 where country_code = 'MX' and verified_victims > 0"
    ).fetchall()}
    assert set(from_a19) <= sdg_years
    sources = {r[0] for r in warehouse_con.execute(
        "select distinct source_id from marts.source_comparison where country_code = 'MX'"
    ).fetchall()}
    assert "article19_mx_2012_2016" in sources


def test_cpj_impunity_becomes_one_legal_action_per_murder(warehouse_con):
    """Counted here from the file: each loadable CPJ record whose impunityMurder is filled is one
    criminal legal action at the stage xwalk_cpj__impunity names, undated; an empty cell gives
    none."""
    place = cpj_placer()
    with (PROJECT_ROOT / "seeds" / "monitors" / "cpj" / "xwalk_cpj__impunity.csv").open(newline="", encoding="utf-8") as handle:
        stage_of = {r["source_label"]: r["legal_stage_code"] for r in csv.DictReader(handle)}
    expected = Counter(
        stage_of[r["impunityMurder"]]
        for r in cpj_records()
        if r["year"].strip().isdigit() and place(r) and r["impunityMurder"].strip()
    )
    assert set(expected) == {"convicted", "partially_convicted", "no_conviction_recorded"}
    actual = Counter({
        stage: count
        for stage, count in warehouse_con.execute(
            """
            select current_stage_code, count(*) from core.fct_legal_actions
            where source_id = 'cpj_killed_1992_2022'
              and procedure_type = 'criminal' and journalist_position = 'injured_party'
            group by all
            """
        ).fetchall()
    })
    assert actual == expected
    undated = scalar(
        warehouse_con,
        """
        select count(*) from core.fct_legal_action_status_history
        where source_id = 'cpj_killed_1992_2022' and stage_date is null and date_precision = 'unknown'
        """,
    )
    assert undated == sum(expected.values())


def test_each_cpj_record_is_a_different_person(warehouse_con):
    """CPJ lists a killed person once, so two records with one name (two "Maher" in Iraq in 2006)
    are two people: as many CPJ persons as loaded records, and the legal action of a record
    belongs to the victim of that record."""
    names = Counter(
        (r["country"], r["year"], r["fullName"].strip()) for r in cpj_records() if r["fullName"].strip()
    )
    assert names[("Iraq", "2006", "Maher")] == 2
    loaded = scalar(warehouse_con, "select count(*) from monitors.int_cpj__killings where source_id = 'cpj_killed_1992_2022'")
    persons = scalar(
        warehouse_con,
        "select count(distinct victim_key) from core.fct_incident_victims where source_id = 'cpj_killed_1992_2022'",
    )
    assert persons == loaded
    mismatched = scalar(
        warehouse_con,
        """
        select count(*) from core.fct_legal_actions as l
        left join core.fct_incident_victims as v
            on v.event_id = l.related_event_id and v.victim_key = l.victim_key
        where l.source_id = 'cpj_killed_1992_2022' and v.victim_key is null
        """,
    )
    assert mismatched == 0


# -- Article 19 Mexico's 2018 alerts, read here with the csv module and checked independently --

SPANISH_MONTHS = {
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6,
    "julio": 7, "agosto": 8, "septiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
}
DESCRIPTIVE = ["Nombre", "Medio/Colectivo", "Cargo", "Estado", "Municipio", "Fecha", "Tipo de agresión", "Hechos"]


def is_withheld(cell: str) -> bool:
    return cell.strip().lower() in {"se reserva", "se reservan"}


def the_2018_date(cell: str):
    """The day a Fecha cell names first, its month, and the year it states or else 2018 (the file
    covers January-June 2018); None when withheld."""
    import datetime
    import re

    if is_withheld(cell):
        return None
    text = cell.lower()
    day = int(re.search(r"\d{1,2}", text).group())
    month = min((text.find(name), number) for name, number in SPANISH_MONTHS.items() if name in text)[1]
    year = re.search(r"20\d\d", text)
    return datetime.date(int(year.group()) if year else 2018, month, day)


def test_every_2018_alert_is_loaded_or_quarantined(warehouse_con):
    rows = a19_2018_rows()
    assert len(rows) == 66
    not_records = {n for n, r in enumerate(rows, start=1) if not any(r[c].strip() for c in DESCRIPTIVE)}
    assert not_records == {64, 65, 66}
    loaded = {r[0] for r in warehouse_con.execute("select source_row_number from monitors.int_article19_mx__alerts").fetchall()}
    quarantined = {r[0] for r in warehouse_con.execute(
        "select source_row_number from core.rejected_source_records where source_id = 'article19_mx_2018'"
    ).fetchall()}
    assert quarantined == not_records
    assert loaded == set(range(1, 67)) - not_records


def test_2018_dates_equal_the_file(warehouse_con):
    rows = a19_2018_rows()
    found = dict(warehouse_con.execute(
        "select source_row_number, event_date from monitors.int_article19_mx__alerts"
    ).fetchall())
    expected = {n: the_2018_date(rows[n - 1]["Fecha"]) for n in found}
    assert found == expected
    # seven records have their date withheld: stored undated, never dated by guess
    assert sum(d is None for d in expected.values()) == 7
    undated = warehouse_con.execute(
        "select count(*), count(event_date), min(date_precision), max(date_precision) from core.fct_incidents"
        " where source_id = 'article19_mx_2018' and date_precision = 'unknown'"
    ).fetchone()
    assert undated == (7, 0, "unknown", "unknown")


def test_2018_aggression_counts_stay_on_their_records(warehouse_con):
    rows = a19_2018_rows()
    counts = dict(warehouse_con.execute(
        "select source_row_number, aggressions_counted from monitors.int_article19_mx__alerts"
    ).fetchall())
    assert counts == {n: int(rows[n - 1]["Número de agresiones a contabilizar"]) for n in counts}
    # the file's own total row (row 66) is the sum over the records, and is not loaded
    assert sum(counts.values()) == int(rows[65]["Número de agresiones a contabilizar"]) == 86
    # one incident per record, whatever the count: an aggregate stays an aggregate
    incidents = scalar(warehouse_con, "select count(*) from core.fct_incidents where source_id = 'article19_mx_2018'")
    assert incidents == len(counts)


def test_a_withheld_name_never_identifies_a_person(warehouse_con):
    rows = a19_2018_rows()
    withheld = {n for n, r in enumerate(rows, start=1) if is_withheld(r["Nombre"])}
    assert len(withheld) == 13
    # the victim key (core.fct_incident_victims) is who a victim is across the register
    victims = warehouse_con.execute(
        """
        select cast(split_part(event_id, '-', 2) as integer), victim_name, victim_key
        from core.fct_incident_victims where source_id = 'article19_mx_2018'
        """
    ).fetchall()
    by_row = {row: (name, key) for row, name, key in victims}
    assert all(by_row[n][0] is None for n in withheld)
    # each withheld victim is its own victim: no two share a key, and none shares one with a named victim
    identities = [key for _, key in by_row.values()]
    withheld_identities = [by_row[n][1] for n in withheld]
    assert None not in withheld_identities
    assert len(set(withheld_identities)) == len(withheld_identities)
    assert not set(withheld_identities) & {by_row[n][1] for n in by_row if n not in withheld}
    assert len(identities) == 63
    # the placeholder is never a name anywhere in the register's victims
    assert scalar(
        warehouse_con,
        "select count(*) from core.dim_victims where lower(coalesce(victim_name, '')) like '%reserva%'",
    ) == 0


def test_2018_types_become_a_category_and_secondary_categories(warehouse_con):
    """A cell listing several types is one incident with several acts: the first type's category
    and the others' (by the 2018 type names, mapped here by hand)."""
    found = {
        row: (category, secondary)
        for row, category, secondary in warehouse_con.execute(
            "select source_row_number, category_code, secondary_category_codes from monitors.int_article19_mx__alerts"
        ).fetchall()
    }
    assert found[14] == ("physical_attack", "psychological_pressure")  # "Ataque físico\n\nIntimidación y hostigamiento"
    assert found[50] == ("psychological_pressure", "threat")  # "1. Intimidación y hostigamiento  2. Amenaza"
    assert found[42] == ("physical_attack", "threat;property_attack")  # "Ataque físico, amenaza, y ataque a bienes materiales"
    assert found[55] == ("threat", None)  # "Amenzas " (a typo)
    assert found[58] == ("other", None)  # no type stated
    acts = scalar(warehouse_con, "select act_count from core.fct_incidents where event_id = 'A19MX18-0042'")
    assert acts == 3
