"""Every raw seed row cites the report: a known section and a verbatim locator phrase."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pycountry
import pytest

from conftest import EXTERNAL_DIR, PROJECT_ROOT

SECTIONS = {
    "foreword", "executive_summary", "introduction", "conclusions",
    "A1", "A2", "B1", "B2", "B3", "B4", "C1", "C2", "C3",
    "D1", "D2", "D3", "D4", "D5", "E1", "E2", "E3", "E4",
}
FACT_SEEDS = sorted(
    list((PROJECT_ROOT / "seeds" / "raw").glob("*.csv")) + list((PROJECT_ROOT / "seeds" / "jsi").glob("*.csv"))
    # a coded reading of the report's texts cites the report like a fact
    + [PROJECT_ROOT / "seeds" / "reference" / "ref_named_private_persons.csv"]
)
QUOTES = str.maketrans({"“": '"', "”": '"', "«": '"', "»": '"', "’": "'", "‘": "'", "–": "-", "—": "-"})


def normalise(text: str) -> str:
    """Lowercase, unify quotes and dashes, collapse whitespace."""
    return re.sub(r"\s+", " ", text.translate(QUOTES).lower()).strip()


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def source_texts() -> dict[tuple[str, str], str]:
    """(country_code, period_year) -> normalised full text of that assessment's report."""
    texts = {}
    for row in read_rows(PROJECT_ROOT / "seeds" / "raw" / "raw_assessment_sources.csv"):
        path = EXTERNAL_DIR / row["source_id"] / row["source_document"]
        if not path.exists():
            pytest.fail(f"source document {path} of {row['country_code']} {row['period_year']} not found")
        texts[(row["country_code"], row["period_year"])] = normalise(path.read_text(encoding="utf-8"))
    return texts


@pytest.fixture(scope="module")
def texts():
    return source_texts()


def test_fact_seeds_exist():
    names = {p.stem for p in FACT_SEEDS}
    for required in [
        "raw_incident_events", "raw_incident_victims", "raw_legal_actions", "raw_legal_action_stages",
        "raw_legal_articles", "raw_media_registry", "raw_internet_intermediaries", "raw_organisations",
        "raw_survey_responses", "raw_published_statistics", "jsi_indicators", "jsi_assessments",
    ]:
        assert required in names


@pytest.mark.parametrize("path", FACT_SEEDS, ids=lambda p: p.name)
def test_every_row_cites_section_and_verbatim_locator(path: Path, texts):
    problems = []
    for number, row in enumerate(read_rows(path), start=1):
        section = (row.get("source_section") or "").strip()
        locator = (row.get("source_locator") or "").strip()
        if section not in SECTIONS:
            problems.append(f"row {number}: source_section {section!r} is not a report section")
        words = len(locator.split())
        if not locator or words > 12:
            problems.append(f"row {number}: source_locator must have 1 to 12 words, has {words}")
            continue
        key = (row.get("country_code") or "KZ", row.get("period_year") or "2020")
        text = texts.get(key)
        if text is None:
            problems.append(f"row {number}: no source document for {key}")
        elif normalise(locator) not in text:
            problems.append(f"row {number}: locator not found verbatim in the report: {locator!r}")
    assert not problems, f"{path.name}:\n" + "\n".join(problems[:40])


@pytest.mark.parametrize("path", FACT_SEEDS, ids=lambda p: p.name)
def test_every_row_has_country_and_period(path: Path):
    assessments = {(r["country_code"], r["period_year"]) for r in read_rows(PROJECT_ROOT / "seeds" / "raw" / "raw_assessment_sources.csv")}
    rows = read_rows(path)
    if rows and "country_code" not in rows[0]:
        pytest.skip(f"{path.name} is a framework seed without country rows")
    bad = [n for n, r in enumerate(rows, start=1) if (r["country_code"], r["period_year"]) not in assessments]
    assert not bad, f"{path.name}: rows {bad[:20]} name no known assessment"


def coded_judgment_columns(fieldnames: list[str]) -> list[str]:
    """Prefixes of the <judgment>_section / <judgment>_locator pairs beside the row's own source columns."""
    return sorted(
        name[: -len("_locator")]
        for name in fieldnames
        if name.endswith("_locator") and name != "source_locator" and name[: -len("_locator")] + "_section" in fieldnames
    )


def header(path: Path) -> list[str]:
    with path.open(newline="", encoding="utf-8") as handle:
        return next(csv.reader(handle))


JUDGMENT_SEEDS = [p for p in FACT_SEEDS if coded_judgment_columns(header(p))]


def test_the_seeds_with_coded_judgments_are_found():
    assert {p.name for p in JUDGMENT_SEEDS} >= {"raw_incident_events.csv", "raw_incident_victims.csv", "raw_legal_actions.csv"}


@pytest.mark.parametrize("path", JUDGMENT_SEEDS, ids=lambda p: p.name)
def test_every_coded_judgment_cites_a_verbatim_locator(path: Path, texts):
    """A coded judgment (arbitrariness category, sex from a pronoun) cites its own section and verbatim phrase."""
    rows = read_rows(path)
    prefixes = coded_judgment_columns(header(path))
    problems = []
    for number, row in enumerate(rows, start=1):
        for prefix in prefixes:
            section = (row.get(f"{prefix}_section") or "").strip()
            locator = (row.get(f"{prefix}_locator") or "").strip()
            if not section and not locator:
                continue
            if section not in SECTIONS:
                problems.append(f"row {number}: {prefix}_section {section!r} is not a report section")
            if not locator or len(locator.split()) > 12:
                problems.append(f"row {number}: {prefix}_locator must have 1 to 12 words")
                continue
            text = texts.get((row.get("country_code") or "KZ", row.get("period_year") or "2020"))
            if text is not None and normalise(locator) not in text:
                problems.append(f"row {number}: {prefix}_locator not found verbatim in the report: {locator!r}")
    assert not problems, f"{path.name}:\n" + "\n".join(problems[:40])


def test_judgments_that_need_evidence_have_it():
    """Every coded arbitrariness category and every stated or pronoun sex carries its locator; the others none."""
    problems = []
    for number, row in enumerate(read_rows(PROJECT_ROOT / "seeds" / "raw" / "raw_incident_events.csv"), start=1):
        if bool(row["arbitrariness_category_code"]) != bool(row["arbitrariness_locator"]):
            problems.append(f"raw_incident_events row {number}: basis {row['arbitrariness_category_code']!r} and its locator go together")
    for name, prefix in (("raw_incident_victims", "sex"), ("raw_legal_actions", "victim_sex")):
        for number, row in enumerate(read_rows(PROJECT_ROOT / "seeds" / "raw" / f"{name}.csv"), start=1):
            needs = row[f"{prefix}_basis"] in ("stated", "pronoun")
            if needs != bool(row[f"{prefix}_locator"]):
                problems.append(f"{name} row {number}: {prefix}_basis {row[f'{prefix}_basis']!r} and {prefix}_locator go together")
            if row[f"{prefix}_basis"] in ("unknown", "name_convention") and row[prefix] != "unknown":
                problems.append(f"{name} row {number}: a sex the report does not state is stored as unknown (the name rule decides later)")
    assert not problems, "\n".join(problems[:40])


CODING_SEEDS = sorted((PROJECT_ROOT / "seeds" / "coding").glob("*.csv"))


def report_lines(country_code: str, period_year: str) -> list[str]:
    """The lines of an assessment's report text, as the coders number them (1-based)."""
    for row in read_rows(PROJECT_ROOT / "seeds" / "raw" / "raw_assessment_sources.csv"):
        if (row["country_code"], row["period_year"]) == (country_code, period_year):
            return (EXTERNAL_DIR / row["source_id"] / row["source_document"]).read_text(encoding="utf-8").split("\n")
    pytest.fail(f"no report for {country_code} {period_year}")


def test_the_coding_seeds_are_found():
    assert {p.name for p in CODING_SEEDS} >= {"sdg_codings.csv", "sdg_coding_decisions.csv", "sdg_ground_exceptions.csv"}


@pytest.mark.parametrize("path", CODING_SEEDS, ids=lambda p: p.name)
def test_every_coded_judgment_quotes_the_lines_it_cites(path: Path):
    """A coder's value, a decision and an exception rest on report lines and quote them verbatim (at most 15
    words; a line before or after is allowed for a sentence that wraps)."""
    problems = []
    lines: dict[tuple[str, str], list[str]] = {}
    for number, row in enumerate(read_rows(path), start=1):
        key = (row["country_code"], row["period_year"])
        text = lines.setdefault(key, report_lines(*key))
        first, last = int(row["line_from"]), int(row["line_to"])
        passage = (row.get("passage") or "").strip()
        if not passage or len(passage.split()) > 15 or not 1 <= first <= last <= len(text):
            problems.append(f"row {number}: lines {first}-{last} and a passage of 1 to 15 words are required")
            continue
        window = normalise(" ".join(text[max(first - 2, 0):last + 1]))
        if normalise(passage) not in window:
            problems.append(f"row {number}: {passage!r} is not in lines {first}-{last}")
    assert not problems, f"{path.name}:\n" + "\n".join(problems[:40])


def decision_problems(rows: list[dict[str, str]], texts: dict[tuple[str, str], str]) -> list[str]:
    """A confidentiality decision that cites the report (a source_section) must quote it: a section
    of the report and a locator found verbatim in it. A decision without a section is the
    project's own (e.g. a person asked the project not to be named) and cites nothing."""
    problems = []
    for number, row in enumerate(rows, start=1):
        section, locator = (row.get("source_section") or "").strip(), (row.get("source_locator") or "").strip()
        if not section and not locator:
            continue
        country = row["incident_victim_id"].split("-")[0]
        period = row["incident_victim_id"].split("-")[1] if row["incident_victim_id"].count("-") >= 3 else ""
        text = texts.get((country, period))
        if section not in SECTIONS:
            problems.append(f"row {number}: source_section {section!r} is not a report section")
        elif text is None:
            problems.append(f"row {number}: {row['incident_victim_id']} is not a record of an assessment report")
        elif not locator or normalise(locator) not in text:
            problems.append(f"row {number}: locator not found verbatim in the report: {locator!r}")
    return problems


def test_confidentiality_decisions_quote_the_report(texts):
    rows = read_rows(PROJECT_ROOT / "seeds" / "reference" / "ref_confidentiality_decisions.csv")
    assert decision_problems(rows, texts) == []
    # the check itself: a decision that misquotes the report is found
    wrong = {"incident_victim_id": "KZ-2020-VI-009", "subject": "victim", "source_section": "A1",
             "source_locator": "words the report never wrote anywhere"}
    assert decision_problems([wrong], texts) == ["row 1: locator not found verbatim in the report: 'words the report never wrote anywhere'"]


LOCATION_SEEDS = sorted((PROJECT_ROOT / "seeds" / "monitors").glob("*/xwalk_*__location_country.csv"))


def test_the_location_rules_are_found():
    assert "xwalk_cpj__location_country.csv" in {p.name for p in LOCATION_SEEDS}


@pytest.mark.parametrize("path", LOCATION_SEEDS, ids=lambda p: p.name)
def test_every_location_placed_by_a_subdivision_cites_a_real_one(path: Path):
    """A location row's ISO 3166-2 subdivision exists (pycountry), lies in the row's country, and
    under rule 1 its name is in the location label; a row without a country states why."""
    problems = []
    for number, row in enumerate(read_rows(path), start=1):
        code, country = row["subdivision_code"], row["country_code"]
        if not country and not row["basis"].strip():
            problems.append(f"row {number}: no country and no basis")
        if not code:
            continue
        subdivision = pycountry.subdivisions.get(code=code)
        if subdivision is None:
            problems.append(f"row {number}: {code} is not an ISO 3166-2 subdivision (pycountry)")
            continue
        if subdivision.country_code != country:
            problems.append(f"row {number}: {code} lies in {subdivision.country_code}, the row says {country!r}")
        if row["basis"].startswith("Rule 1") and subdivision.name.lower() not in row["location"].lower():
            problems.append(f"row {number}: rule 1, but {row['location']!r} does not name {subdivision.name!r} ({code})")
        if f"'{subdivision.name}'" not in row["basis"]:
            problems.append(f"row {number}: the basis does not quote {code}'s name {subdivision.name!r}")
    assert not problems, f"{path.name}:\n" + "\n".join(problems)


def test_historical_countries_are_iso_3166_3_as_pycountry_gives_them():
    """ref_historical_countries.csv is what tools/reference/make_ref_countries.py writes from pycountry."""
    rows = read_rows(PROJECT_ROOT / "seeds" / "reference" / "ref_historical_countries.csv")
    assert {r["country_code"] for r in rows} == {c.alpha_4 for c in pycountry.historic_countries}
    for row in rows:
        country = pycountry.historic_countries.get(alpha_4=row["country_code"])
        assert (row["country_name"], row["former_alpha_2"], row["withdrawal_date"]) == (
            country.name, country.alpha_2, country.withdrawal_date
        ), row["country_code"]
