"""The units an independent coder codes: every incident and every victim of an assessment's
register, with what finds it in the report and no code of a judged field.

    .venv/bin/python tools/coding_units.py --country KZ --period 2020 --out target/coding/units.csv

The coding manual (models/marts/sdg/coding_manual.md) says what to code for each unit. The list
gives the register's category of the act (not a judged field), date, place, names and the report
section and locator; it leaves out every field a coder judges (perpetrator, verification,
arbitrariness, role, victim group, sex) and the register's own summaries.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import duckdb

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SEEDS = PROJECT_ROOT / "seeds"


def units(country: str, period: int) -> duckdb.DuckDBPyRelation:
    con = duckdb.connect()
    return con.sql(
        f"""
        with events as (
            select * from read_csv('{SEEDS / "raw/raw_incident_events.csv"}', all_varchar = true)
            where country_code = $country and period_year = $period
        ),
        victims as (
            select * from read_csv('{SEEDS / "raw/raw_incident_victims.csv"}', all_varchar = true)
            where country_code = $country and period_year = $period
        ),
        categories as (
            select * from read_csv('{SEEDS / "vocab/vocab_incident_categories.csv"}', all_varchar = true)
        )
        select
            'incident' as unit_type, events.event_id as unit_id, events.event_id,
            categories.category_name as register_category, categories.is_deprivation_of_liberty,
            events.event_date, events.date_precision, events.event_country_code, events.city,
            null as victim_name, null as victim_type, null as outlet_name,
            events.source_section as report_section, events.source_locator as report_locator
        from events
        inner join categories on events.category_code = categories.category_code
        union all
        select
            'victim', victims.victim_id, victims.event_id,
            categories.category_name, categories.is_deprivation_of_liberty,
            events.event_date, events.date_precision, events.event_country_code, events.city,
            victims.victim_name, victims.victim_type, victims.outlet_name,
            victims.source_section, victims.source_locator
        from victims
        inner join events on victims.event_id = events.event_id
        inner join categories on events.category_code = categories.category_code
        order by event_id, unit_type, unit_id
        """,
        params={"country": country, "period": str(period)},
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--country", required=True)
    parser.add_argument("--period", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    units(args.country, args.period).write_csv(str(args.out))
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
