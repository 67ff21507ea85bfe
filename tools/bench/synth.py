"""Seeded, deterministic synthetic register for benchmarking the warehouse at scale.

Writes the four register tables (incident events, incident victims, legal actions, legal action
stages) as Parquet files with the shipped seeds' columns plus ``load_batch_id``, one file per
table and load batch:

    <out>/incident_events/batch_000001.parquet
    <out>/incident_victims/batch_000001.parquet
    <out>/legal_actions/batch_000001.parquet
    <out>/legal_action_stages/batch_000001.parquet

The project reads them as dbt-duckdb external sources, beside the shipped seeds, when
``JSI_EXTERNAL_REGISTER`` names ``<out>`` (see models/staging/assessment/_assessment__sources.yml).

Distributions are learned from the real seeds, never typed in here: each synthetic row copies the
attributes of a real row drawn uniformly (category, secondary categories, context, perpetrator
type, verification status and date precision of an event; victim type, role, sex, whether a
name and an outlet are given for a victim; the number of victims per event; the number of legal
actions per victim; procedure, position, claimant and whether it is tied to the incident for a
legal action; the whole stage sequence of a legal action; the month of an event).

Nothing here is real. Countries use the ISO 3166 user-assigned codes (XA-XZ, QM-QZ), which no
real country has; every row says ``source_section = 'synthetic'`` and names the generator, seed
and batch in ``source_locator``; names are "Synthetic person XA-123" and the like.

Randomness is a hash of (row number, purpose, seed), so the same arguments give the same rows
whatever the thread count. The first batch spreads events over ``--years`` periods ending in
``--last-year``; an append batch (``--batch 2 --victims N/100``) dates every event in the last
period, like a monthly delivery.
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from pathlib import Path

import duckdb

PROJECT = Path(__file__).resolve().parents[2]
SEEDS = PROJECT / "seeds" / "raw"
USER_ASSIGNED_CODES = [f"X{c}" for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"] + [
    f"Q{c}" for c in "MNOPQRSTUVWXYZ"
]
TABLES = ("incident_events", "incident_victims", "legal_actions", "legal_action_stages")


def log(message: str) -> None:
    print(f"[synth {time.strftime('%H:%M:%S')}] {message}", flush=True)


def read_seed(name: str) -> str:
    # all_varchar: the profiles copy values as the seeds spell them; typed columns are cast below
    return f"read_csv('{SEEDS / name}.csv', header = true, all_varchar = true, delimiter = ',', quote = '\"')"


def learn_profiles(con: duckdb.DuckDBPyConnection) -> None:
    """Empirical distributions from the shipped seeds, one table per drawn quantity, numbered 0..n-1."""
    con.execute(f"create temp table seed_events as select * from {read_seed('raw_incident_events')}")
    con.execute(f"create temp table seed_victims as select * from {read_seed('raw_incident_victims')}")
    con.execute(f"create temp table seed_legal_actions as select * from {read_seed('raw_legal_actions')}")
    con.execute(f"create temp table seed_stages as select * from {read_seed('raw_legal_action_stages')}")
    con.execute("""
        create temp table p_event as
        select row_number() over (order by event_id) - 1 as k,
            category_code, secondary_category_codes, context_code, perpetrator_type_code,
            verification_status_code, arbitrariness_category_code, date_precision
        from seed_events
    """)
    con.execute("""
        create temp table p_month as
        select row_number() over (order by event_id) - 1 as k, month(cast(event_date as date)) as event_month
        from seed_events where date_precision in ('day', 'month')
    """)
    con.execute("""
        create temp table p_victims_per_event as
        select row_number() over (order by e.event_id) - 1 as k, cast(count(v.victim_id) as bigint) as victim_count
        from seed_events as e left join seed_victims as v on e.event_id = v.event_id
        group by e.event_id
    """)
    con.execute("""
        create temp table p_victim as
        select row_number() over (order by victim_id) - 1 as k,
            victim_type, role_code, sex, sex_basis,
            victim_name is not null as has_name, outlet_name is not null as has_outlet
        from seed_victims
    """)
    # legal actions naming a victim: those tied to the victim's event, plus those tied to no
    # event, counted once at the name's first appearance
    con.execute("""
        create temp table p_actions_per_victim as
        with firsts as (
            select victim_id, row_number() over (partition by country_code, victim_name order by victim_id) = 1 as is_first
            from seed_victims
        )
        select row_number() over (order by v.victim_id) - 1 as k, cast(count(a.legal_action_id) as bigint) as action_count
        from seed_victims as v
        inner join firsts as f on v.victim_id = f.victim_id
        left join seed_legal_actions as a
            on a.country_code = v.country_code and a.victim_name = v.victim_name
            and (a.related_event_id = v.event_id or (a.related_event_id is null and f.is_first))
        group by v.victim_id
    """)
    con.execute("""
        create temp table p_action as
        select row_number() over (order by legal_action_id) - 1 as k, legal_action_id as seed_legal_action_id,
            procedure_type, journalist_position, claimant_type, related_event_id is not null as is_tied_to_event
        from seed_legal_actions
    """)
    con.execute("""
        create temp table p_stage as
        select a.k, row_number() over (partition by s.legal_action_id order by s.stage_id) as stage_sequence,
            s.stage_code, s.date_precision, s.stage_date is not null as has_date
        from seed_stages as s inner join p_action as a on s.legal_action_id = a.seed_legal_action_id
    """)
    for table in ("p_event", "p_month", "p_victims_per_event", "p_victim", "p_actions_per_victim", "p_action"):
        count = con.execute(f"select count(*) from {table}").fetchone()[0]
        if count == 0:
            raise SystemExit(f"synth: no rows to learn {table} from in {SEEDS}")


def generate(con, *, victims: int, batch: int, seed: int, countries: int, years: int, last_year: int, out: Path) -> dict:
    codes = USER_ASSIGNED_CODES[:countries]
    con.execute("create or replace temp table countries as select unnest(?) as country_code, generate_subscripts(?, 1) - 1 as k",
                [codes, codes])
    size = {t: con.execute(f"select count(*) from {t}").fetchone()[0]
            for t in ("p_event", "p_month", "p_victims_per_event", "p_victim", "p_actions_per_victim", "p_action")}
    mean_victims = con.execute("select avg(victim_count) from p_victims_per_event").fetchone()[0]
    # a uniform draw in [0, n): hash of the row number, the purpose and the seed
    con.execute(f"create or replace temp macro draw(i, purpose, n) as cast(hash(i, purpose, {seed}, {batch}) % n as bigint)")
    first_year = last_year - years + 1 if batch == 1 else last_year
    span = years if batch == 1 else 1
    locator = f"tools/bench/synth.py seed {seed} batch {batch}"
    event_guess = math.ceil(victims / mean_victims * 1.1) + 1000

    log(f"batch {batch}: events for {victims:,} victims ({len(codes)} countries, periods {first_year}-{last_year})")
    con.execute(f"""
        create or replace temp table g_events as
        with numbered as (
            select
                r.range as i,
                p.victim_count
            from range({event_guess}) as r
            inner join p_victims_per_event as p on p.k = draw(r.range, 'victims', {size['p_victims_per_event']})
        ),
        placed as (
            select *, sum(victim_count) over (order by i) - victim_count as first_victim
            from numbered
        )
        select * from placed where first_victim < {victims}
    """)
    con.execute(f"""
        create or replace temp table g_event_rows as
        select
            e.i,
            e.first_victim,
            cast(least(e.victim_count, {victims} - e.first_victim) as bigint) as victim_count,
            c.country_code,
            {first_year} + draw(e.i, 'year', {span}) as period_year,
            p.*,
            m.event_month,
            1 + draw(e.i, 'day', 28) as event_day
        from g_events as e
        inner join countries as c on c.k = draw(e.i, 'country', {len(codes)})
        inner join p_event as p on p.k = draw(e.i, 'event', {size['p_event']})
        inner join p_month as m on m.k = draw(e.i, 'month', {size['p_month']})
    """)
    con.execute(f"""
        create or replace temp table g_incident_events as
        select
            printf('%s-%d-EV-B%03d-%09d', country_code, period_year, {batch}, i) as event_id,
            country_code,
            cast(period_year as integer) as period_year,
            country_code as event_country_code,
            case date_precision
                when 'day' then make_date(period_year, event_month, event_day)
                when 'month' then make_date(period_year, event_month, 1)
                when 'year' then make_date(period_year, 1, 1)
            end as event_date,
            date_precision,
            category_code,
            secondary_category_codes,
            cast(null as varchar) as city,
            context_code,
            perpetrator_type_code,
            cast(null as varchar) as perpetrator_description,
            verification_status_code,
            arbitrariness_category_code,
            cast(null as varchar) as arbitrariness_section,
            cast(null as varchar) as arbitrariness_locator,
            'Synthetic event for benchmarking; not a real incident.' as summary,
            cast(null as date) as alt_event_date,
            cast(null as varchar) as inconsistency_note,
            'synthetic' as source_section,
            '{locator}' as source_locator,
            {batch} as load_batch_id,
            i as event_number,
            victim_count
        from g_event_rows
    """)

    log(f"batch {batch}: victims")
    name_pool = max(1, round(victims * 0.8 / len(codes)))
    outlet_pool = max(1, round(victims / 20 / len(codes)))
    con.execute(f"""
        create or replace temp table g_incident_victims as
        with slots as (
            select e.*, e_slot.slot, e.event_number * 16 + e_slot.slot as v
            from g_incident_events as e, unnest(range(e.victim_count)) as e_slot (slot)
        )
        select
            printf('%s-%d-VI-B%03d-%09d-%02d', s.country_code, s.period_year, {batch}, s.event_number, s.slot) as victim_id,
            s.event_id,
            s.country_code,
            s.period_year,
            case when p.has_name then
                printf('Synthetic %s %s-%d', p.victim_type, s.country_code, draw(s.v, 'name', {name_pool}))
            end as victim_name,
            p.victim_type,
            p.role_code,
            p.sex,
            p.sex_basis,
            cast(null as varchar) as sex_section,
            cast(null as varchar) as sex_locator,
            case when p.has_outlet then
                printf('Synthetic outlet %s-%d', s.country_code, draw(s.v, 'outlet', {outlet_pool}))
            end as outlet_name,
            'synthetic' as source_section,
            '{locator}' as source_locator,
            {batch} as load_batch_id,
            s.v,
            s.event_date
        from slots as s
        inner join p_victim as p on p.k = draw(s.v, 'victim', {size['p_victim']})
    """)

    log(f"batch {batch}: legal actions and stages")
    con.execute(f"""
        create or replace temp table g_legal_actions as
        with counted as (
            select v.*, p.action_count
            from g_incident_victims as v
            inner join p_actions_per_victim as p on p.k = draw(v.v, 'actions', {size['p_actions_per_victim']})
        ),
        slots as (
            select c.*, a_slot.slot, c.v * 8 + a_slot.slot as a
            from counted as c, unnest(range(c.action_count)) as a_slot (slot)
            where c.action_count > 0
        )
        select
            printf('%s-%d-LA-B%03d-%012d', s.country_code, s.period_year, {batch}, s.a) as legal_action_id,
            s.country_code,
            s.period_year,
            p.procedure_type,
            p.journalist_position,
            case when p.is_tied_to_event then s.event_id end as related_event_id,
            cast(null as varchar) as legal_article_id,
            s.victim_name,
            s.role_code as victim_role_code,
            s.sex as victim_sex,
            s.sex_basis as victim_sex_basis,
            cast(null as varchar) as victim_sex_section,
            cast(null as varchar) as victim_sex_locator,
            s.outlet_name,
            p.claimant_type,
            cast(null as varchar) as claimant_description,
            'Synthetic legal action for benchmarking; not a real case.' as summary,
            cast(null as varchar) as inconsistency_note,
            'synthetic' as source_section,
            '{locator}' as source_locator,
            {batch} as load_batch_id,
            p.k as profile_k,
            s.event_date
        from slots as s
        inner join p_action as p on p.k = draw(s.a, 'action', {size['p_action']})
    """)
    con.execute(f"""
        create or replace temp table g_legal_action_stages as
        select
            printf('%s-S%02d', replace(a.legal_action_id, '-LA-', '-LS-'), s.stage_sequence) as stage_id,
            a.legal_action_id,
            a.country_code,
            a.period_year,
            case when s.has_date then
                least(a.event_date + cast(s.stage_sequence * 40 + draw(hash(a.legal_action_id), s.stage_sequence, 30) as integer),
                      make_date(a.period_year, 12, 31))
            end as stage_date,
            case when s.has_date then 'day' end as date_precision,
            s.stage_code,
            cast(null as varchar) as penalty_text,
            cast(null as date) as alt_stage_date,
            cast(null as varchar) as inconsistency_note,
            'synthetic' as source_section,
            '{locator}' as source_locator,
            {batch} as load_batch_id
        from g_legal_actions as a
        inner join p_stage as s on a.profile_k = s.k
    """)

    # the Parquet files carry exactly the seeds' columns, in the seeds' order, plus load_batch_id
    written = {}
    for table, seed_name in zip(TABLES, ("raw_incident_events", "raw_incident_victims", "raw_legal_actions",
                                         "raw_legal_action_stages")):
        columns = [r[0] for r in con.execute(f"describe select * from {read_seed(seed_name)}").fetchall()]
        target = out / table / f"batch_{batch:06d}.parquet"
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(".parquet.partial")
        select_list = ", ".join(columns + ["load_batch_id"])
        con.execute(f"copy (select {select_list} from g_{table}) to '{partial}' (format parquet, compression zstd)")
        partial.replace(target)
        written[table] = con.execute(f"select count(*) from g_{table}").fetchone()[0]
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--victims", type=int, required=True, help="incident victims to write in this batch")
    parser.add_argument("--out", type=Path, required=True, help="directory of the external register")
    parser.add_argument("--batch", type=int, default=1, help="load batch number (1 = initial load)")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--countries", type=int, default=40, help=f"at most {len(USER_ASSIGNED_CODES)}")
    parser.add_argument("--years", type=int, default=15, help="periods in the initial load")
    parser.add_argument("--last-year", type=int, default=2025)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--memory-limit", default="3GB")
    args = parser.parse_args(argv)
    if not 1 <= args.countries <= len(USER_ASSIGNED_CODES):
        parser.error(f"--countries must be 1..{len(USER_ASSIGNED_CODES)}")
    if args.victims < 1 or args.batch < 1:
        parser.error("--victims and --batch must be positive")
    if args.batch == 1 and (args.out / "incident_events").exists():
        for table in TABLES:
            for old in (args.out / table).glob("*.parquet"):
                old.unlink()

    started = time.monotonic()
    con = duckdb.connect(config={"threads": args.threads, "memory_limit": args.memory_limit,
                                 "preserve_insertion_order": False})
    learn_profiles(con)
    written = generate(con, victims=args.victims, batch=args.batch, seed=args.seed, countries=args.countries,
                       years=args.years, last_year=args.last_year, out=args.out)
    con.close()
    log(f"batch {args.batch} written to {args.out} in {time.monotonic() - started:.1f} s: "
        + ", ".join(f"{table} {rows:,}" for table, rows in written.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
