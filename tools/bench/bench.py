"""`make bench`: the warehouse at scale, measured against DuckDB itself.

For each size (incident victims in a synthetic register, see synth.py) it measures:

  full      `dbt build` of the whole project from an empty file (seeds, the external register,
            every model and every data test), wall clock and peak RSS of the dbt process;
  raw       the same SQL, recorded from the first full build, executed directly in DuckDB on one
            connection without dbt (replay.py), wall clock and peak RSS;
  append    `dbt build --selector append` (selectors.yml) on a copy of the full build after a
            1% delivery (a new load batch): the models downstream of the register and their data
            tests, where the incremental models process only the new batch;
  marts     each indicator mart's typical BI query (one country and period) against the
            equivalent aggregate computed directly from the core facts.

Every timing is the median of --runs runs (--runs-large for sizes of 5M and more). DuckDB's
threads and memory limit are set explicitly (profile settings JSI_DUCKDB_THREADS and
JSI_DUCKDB_MEMORY_LIMIT). Results go to <workdir>/results.json and a summary table is printed
with the ratios and the targets of issue 7.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb

PROJECT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
PYTHON = sys.executable
sys.path.insert(0, str(HERE.parent))
from load_batch_watermark import watermark  # noqa: E402  (the append's test scope, as make append)
from floor import full_build_breakdown, run_floor  # noqa: E402  (the machine's floor, beside this file)
TABLES = ("incident_events", "incident_victims", "legal_actions", "legal_action_stages")
TARGETS = {"full_ratio": 1.3, "append_share": 0.10, "peak_rss_gb": 4.0, "mart_ratio": 1.2}

# measures of ref_indicator_measures computed from the core facts (register_measures);
# the others come from small reference seeds and have no fact aggregate to compare against
FACT_MEASURES = {
    "incidents": ("core.fct_incidents", "event_year = period_year"),
    "victims": ("core.fct_incident_victims", "event_year = period_year"),
    "legal_actions_against_journalists": (
        "core.fct_legal_actions", "journalist_position = 'defendant' and is_active_in_period"),
    "cases_of_crimes_against_journalists": ("core.fct_legal_actions", "journalist_position = 'injured_party'"),
    "historical_incidents_cited": ("core.fct_incidents", "is_historical"),
}


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


class Step:
    """Runs one command as a child process, tees its output to a log file, reports progress every
    30 s, and returns wall-clock seconds and the child's peak RSS (from wait4)."""

    def __init__(self, label: str, command: list[str], env: dict, log_file: Path):
        self.label, self.command, self.env, self.log_file = label, command, env, log_file

    def run(self) -> tuple[float, int]:
        self.log_file.parent.mkdir(parents=True, exist_ok=True)
        started = time.monotonic()
        with open(self.log_file, "w", encoding="utf-8") as sink:
            process = subprocess.Popen(self.command, cwd=PROJECT, env=self.env, stdout=sink, stderr=subprocess.STDOUT)
            done = threading.Event()

            def progress() -> None:
                while not done.wait(30):
                    last = ""
                    try:
                        lines = self.log_file.read_text(encoding="utf-8", errors="replace").strip().splitlines()
                        last = lines[-1][-110:] if lines else ""
                    except OSError:
                        pass
                    log(f"  ... {self.label}: {time.monotonic() - started:.0f} s  {last}")

            watcher = threading.Thread(target=progress, daemon=True)
            watcher.start()
            _, status, usage = os.wait4(process.pid, 0)
            done.set()
            process.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.monotonic() - started
        if process.returncode != 0:
            tail = "\n".join(self.log_file.read_text(encoding="utf-8", errors="replace").splitlines()[-25:])
            raise SystemExit(f"bench: {self.label} failed (exit {process.returncode}); log {self.log_file}:\n{tail}")
        return seconds, usage.ru_maxrss * 1024


def remove_database(path: Path) -> None:
    for suffix in ("", ".wal"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    shutil.rmtree(str(path) + ".tmp", ignore_errors=True)


def synthesize(out: Path, victims: int, batch: int, args, env: dict) -> dict:
    stamp = out / f"batch_{batch:06d}.json"
    wanted = {"victims": victims, "batch": batch, "seed": args.seed, "countries": args.countries,
              "years": args.years, "last_year": args.last_year,
              "generator_mtime": (HERE / "synth.py").stat().st_mtime}
    if stamp.exists() and json.loads(stamp.read_text()) == wanted and all(
            (out / t / f"batch_{batch:06d}.parquet").exists() for t in TABLES):
        log(f"synthetic batch {batch} of {victims:,} victims already in {out}: reused")
        return {"seconds": None, "reused": True}
    command = [PYTHON, str(HERE / "synth.py"), "--victims", str(victims), "--batch", str(batch), "--out", str(out),
               "--seed", str(args.seed), "--countries", str(args.countries), "--years", str(args.years),
               "--last-year", str(args.last_year), "--threads", str(args.threads), "--memory-limit", args.memory_limit]
    log(f"generating synthetic batch {batch}: {victims:,} victims -> {out}")
    seconds, _ = Step(f"synth batch {batch}", command, env, out / f"synth_batch_{batch}.log").run()
    stamp.write_text(json.dumps(wanted))
    log(f"  generated in {seconds:.1f} s")
    return {"seconds": seconds, "reused": False}


def link_register(target: Path, sources: list[Path]) -> None:
    """A register directory whose table folders hold symbolic links to the batch files of `sources`."""
    shutil.rmtree(target, ignore_errors=True)
    for table in TABLES:
        (target / table).mkdir(parents=True)
        for source in sources:
            for batch_file in sorted((source / table).glob("*.parquet")):
                (target / table / batch_file.name).symlink_to(batch_file.resolve())


def dbt_env(args, register: Path, warehouse: Path, record: Path | None = None) -> dict:
    env = dict(os.environ)
    env.update({
        "DBT_PROFILES_DIR": str(PROJECT),
        "DBT_PROJECT_DIR": str(PROJECT),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
        "JSI_EXTERNAL_REGISTER": str(register),
        "JSI_WAREHOUSE": str(warehouse),
        "JSI_DUCKDB_THREADS": str(args.threads),
        "JSI_DUCKDB_MEMORY_LIMIT": args.memory_limit,
        "JSI_DBT_THREADS": str(args.dbt_threads),
    })
    env.pop("JSI_BENCH_RECORD", None)
    env.pop("JSI_APPEND_AFTER_LOAD_BATCH", None)  # set for the append run only (dbt_build)
    if record is not None:
        env["JSI_BENCH_RECORD"] = str(record)
    return env


def dbt_build(label: str, args, register: Path, warehouse: Path, work: Path, record: Path | None = None,
              selector: str | None = None, append_after: int | None = None):
    command = [PYTHON, str(HERE / "dbt_recorded.py"), "build", "--target-path", str(work / "target"),
               "--log-path", str(work / "logs")]
    if selector:
        command += ["--selector", selector]
    env = dbt_env(args, register, warehouse, record)
    if append_after is not None:  # as make append passes it (macros/append_scope.sql)
        env["JSI_APPEND_AFTER_LOAD_BATCH"] = str(append_after)
    return Step(label, command, env, work / f"{label.replace(' ', '_')}.log").run()


def count_rows(warehouse: Path) -> dict:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return {t: con.execute(f"select count(*) from core.{t}").fetchone()[0]
                for t in ("fct_incidents", "fct_incident_victims", "fct_legal_actions",
                          "fct_legal_action_status_history", "dim_victims")}
    finally:
        con.close()


def parquet_rows(register: Path, table: str) -> int:
    con = duckdb.connect()
    try:
        return con.execute(f"select count(*) from read_parquet('{register}/{table}/*.parquet')").fetchone()[0]
    finally:
        con.close()


def direct_measure_sql(indicator: str, country: str, period: int) -> str | None:
    """The register measures of one indicator for one country and period, straight from the facts."""
    with open(PROJECT / "seeds" / "reference" / "ref_indicator_measures.csv", encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if r["indicator_code"] == indicator and r["measure"] in FACT_MEASURES]
    parts = []
    for row in rows:
        relation, condition = FACT_MEASURES[row["measure"]]
        value = "'all'" if row["breakdown"] == "total" else f"coalesce(cast({row['breakdown']} as varchar), 'unknown')"
        group = "" if row["breakdown"] == "total" else f" group by {row['breakdown']}"
        parts.append(
            f"select '{row['measure']}' as measure, '{row['breakdown']}' as breakdown, {value} as breakdown_value, "
            f"count(*) as measure_value from {relation} "
            f"where country_code = '{country}' and period_year = {period} and {condition}{group}")
    return "\nunion all\n".join(parts) if parts else None


def mart_queries(con, assessed: tuple[str, int], synthetic: tuple[str, int]) -> list[dict]:
    queries = []
    views = [r[0] for r in con.execute(
        "select table_name from information_schema.tables where table_schema = 'marts' and table_name like 'jsi_%' "
        "order by table_name").fetchall()]
    country, period = assessed
    for view in views:
        indicator = view.split("_")[1].upper()
        queries.append({
            "mart": view, "country": country, "period": period,
            "bi": f"select * from marts.{view} where country_code = '{country}' and period_year = {period}",
            "direct": direct_measure_sql(indicator, country, period),
        })
    queries.append({
        "mart": "sdg_16_10_1", "country": country, "period": period,
        "bi": f"select * from marts.sdg_16_10_1 where country_code = '{country}' and period_year = {period}",
        "direct": ("select sdg_violation_code, sdg_victim_group, sdg_sex, sdg_perpetrator_status, count(*) as victims "
                   "from core.fct_incident_victims "
                   f"where country_code = '{country}' and period_year = {period} and is_verified and victim_type = 'person' "
                   "and sdg_victim_group != 'out_of_scope' and sdg_violation_code in ('A', 'B', 'C', 'D', 'E', 'F') "
                   "and event_year = period_year group by all"),
    })
    country, period = synthetic
    queries.append({
        "mart": "incidents_monthly", "country": country, "period": period,
        "bi": f"select * from marts.incidents_monthly where country_code = '{country}' and period_year = {period}",
        "direct": ("select i.event_month, i.category_code, count(distinct i.incident_key) as incidents, "
                   "count(v.incident_victim_key) as victims "
                   "from core.fct_incidents as i left join core.fct_incident_victims as v on v.incident_key = i.incident_key "
                   f"where i.country_code = '{country}' and i.period_year = {period} and i.event_year = i.period_year "
                   "group by all"),
    })
    queries.append({
        "mart": "impunity_tracker", "country": country, "period": period,
        "bi": ("select case_key, impunity_status, current_stage_code, stage_path from marts.impunity_tracker "
               f"where country_code = '{country}' and period_year = {period} and case_type = 'legal_action'"),
        "direct": ("select a.legal_action_key, a.impunity_status, a.current_stage_code, "
                   "string_agg(h.stage_code || coalesce(' ' || strftime(h.stage_date, '%Y-%m-%d'), ''), ' > ' "
                   "order by h.stage_sequence) as stage_path "
                   "from core.fct_legal_actions as a left join core.fct_legal_action_status_history as h "
                   "on h.legal_action_key = a.legal_action_key "
                   f"where a.country_code = '{country}' and a.period_year = {period} group by all"),
    })
    return queries


def time_query(con, sql: str, repeats: int) -> float:
    con.execute(sql).fetchall()  # warm-up: first read of the blocks
    timings = []
    for _ in range(repeats):
        started = time.perf_counter()
        con.execute(sql).fetchall()
        timings.append(time.perf_counter() - started)
    return median(timings)


def measure_marts(warehouse: Path, args) -> list[dict]:
    con = duckdb.connect(str(warehouse), read_only=True,
                         config={"threads": args.threads, "memory_limit": args.memory_limit})
    results = []
    try:
        assessed = tuple(con.execute(
            "select country_code, period_year from core.fct_incidents where load_batch_id = 0 "
            "group by all order by count(*) desc limit 1").fetchone())
        synthetic = tuple(con.execute(
            "select country_code, max(period_year) from core.fct_incidents where load_batch_id > 0 "
            "group by country_code order by country_code limit 1").fetchone())
        for query in mart_queries(con, assessed, synthetic):
            bi = time_query(con, query["bi"], args.query_repeats)
            direct = time_query(con, query["direct"], args.query_repeats) if query["direct"] else None
            results.append({**{k: query[k] for k in ("mart", "country", "period")},
                            "bi_seconds": bi, "direct_seconds": direct,
                            "ratio": (bi / direct) if direct else None})
    finally:
        con.close()
    return results


def bench_size(victims: int, args) -> dict:
    work = args.workdir / f"n{victims}"
    work.mkdir(parents=True, exist_ok=True)
    runs = args.runs_large if victims >= 5_000_000 else args.runs
    env = dict(os.environ)
    base, append = work / "register_base", work / "register_append"
    appended = max(1, round(victims * args.append_share))
    generation = {"base": synthesize(base, victims, 1, args, env),
                  "append": synthesize(append, appended, 2, args, env)}
    # every dbt run of a size uses the same register path, warehouse path and target directory, so
    # the profile is unchanged between runs and dbt can parse partially, as it would in daily use
    register = work / "register"
    warehouse = work / "dbt" / "jsi.duckdb"
    warehouse.parent.mkdir(parents=True, exist_ok=True)
    full_copy = work / "full" / "jsi.duckdb"  # kept for the append runs and the mart queries
    full_copy.parent.mkdir(parents=True, exist_ok=True)
    link_register(register, [base])

    recording = work / "recording.jsonl"
    full, full_rss = [], []
    for run in range(1, runs + 1):
        remove_database(warehouse)
        log(f"{victims:,} victims: full dbt build, run {run}/{runs}")
        seconds, rss = dbt_build(f"full run {run}", args, register, warehouse, work,
                                 record=recording if run == 1 else None)
        full.append(seconds)
        full_rss.append(rss)
        log(f"  full dbt build {seconds:.1f} s, peak RSS {rss / 2**30:.2f} GiB")
        if run == 1:  # where the full build's time goes, beside the floor (the append overwrites these files)
            full_breakdown = full_build_breakdown(work / "target" / "run_results.json",
                                                  work / "target" / "manifest.json", seconds)
    counts_full = count_rows(warehouse)
    remove_database(full_copy)
    os.replace(warehouse, full_copy)

    # the floor: the register's core facts and main marts by hand-written SQL (floor.py), checked
    # row for row against the full build; a failure is reported, not fatal to the benchmark
    floor_runs, floor_checks = [], {}
    floor_database = work / "floor" / "floor.duckdb"
    for run in range(1, runs + 1):
        log(f"{victims:,} victims: the floor (tools/bench/floor.py), run {run}/{runs}")
        try:
            outcome = run_floor(register, full_copy, floor_database, args.threads, args.memory_limit, check=run == 1)
        except RuntimeError as error:
            log(f"  the floor failed: {error}")
            floor_checks = {"error": str(error)}
            break
        floor_runs.append(outcome["seconds"])
        if run == 1:
            floor_checks = {"all_match": outcome["all_match"], "tables": outcome["tables"],
                            "step_seconds": outcome["step_seconds"], "peak_rss_bytes": outcome["peak_rss_bytes"]}
        log(f"  floor {outcome['seconds']:.1f} s, peak RSS {outcome['peak_rss_bytes'] / 2**30:.2f} GiB"
            + (f", same rows as the full build: {'yes' if outcome['all_match'] else 'NO'}" if run == 1 else ""))
        remove_database(floor_database)

    raw, raw_rss = [], []
    raw_database = work / "raw" / "jsi.duckdb"  # same file name: the recorded SQL names its catalog
    raw_database.parent.mkdir(parents=True, exist_ok=True)
    for run in range(1, runs + 1):
        log(f"{victims:,} victims: the recorded SQL directly in DuckDB, run {run}/{runs}")
        command = [PYTHON, str(HERE / "replay.py"), str(recording), str(raw_database), "--threads", str(args.threads),
                   "--memory-limit", args.memory_limit]
        seconds, rss = Step(f"raw run {run}", command, env, work / f"raw_run_{run}.log").run()
        raw.append(seconds)
        raw_rss.append(rss)
        log(f"  direct SQL {seconds:.1f} s, peak RSS {rss / 2**30:.2f} GiB")
        remove_database(raw_database)

    link_register(register, [base, append])
    incremental, incremental_rss = [], []
    counts_appended, breakdown = None, {}
    for run in range(1, runs + 1):
        remove_database(warehouse)
        shutil.copyfile(full_copy, warehouse)
        log(f"{victims:,} victims: incremental dbt build after a {args.append_share:.0%} append "
            f"({appended:,} victims), run {run}/{runs}")
        # what a scheduler runs for a register delivery (make append): the selector `append`,
        # everything downstream of the register (incremental models process only the new batch) and
        # its data tests; the seeds and the code are unchanged (selectors.yml)
        seconds, rss = dbt_build(f"append run {run}", args, register, warehouse, work,
                                 selector="append", append_after=watermark(str(warehouse)))
        incremental.append(seconds)
        incremental_rss.append(rss)
        log(f"  incremental dbt build {seconds:.1f} s, peak RSS {rss / 2**30:.2f} GiB")
        counts_appended = count_rows(warehouse)
        breakdown = append_breakdown(work / "target" / "run_results.json", work / "target" / "manifest.json")
    expected_victims = counts_full["fct_incident_victims"] + parquet_rows(append, "incident_victims")
    if counts_appended["fct_incident_victims"] != expected_victims:
        raise SystemExit(f"bench: incremental build holds {counts_appended['fct_incident_victims']:,} victims, "
                         f"expected {expected_victims:,}")
    remove_database(warehouse)
    link_register(register, [base])

    log(f"{victims:,} victims: mart queries against direct aggregates")
    marts = measure_marts(full_copy, args)

    result = {
        "victims": victims, "appended_victims": appended, "runs": runs, "generation": generation,
        "rows_full": counts_full, "rows_after_append": counts_appended,
        "full_seconds": full, "raw_seconds": raw, "incremental_seconds": incremental,
        "full_peak_rss_bytes": full_rss, "raw_peak_rss_bytes": raw_rss, "incremental_peak_rss_bytes": incremental_rss,
        "full_median": median(full), "raw_median": median(raw), "incremental_median": median(incremental),
        "full_to_raw_ratio": median(full) / median(raw),
        "floor_seconds": floor_runs, "floor_median": median(floor_runs) if floor_runs else None,
        "full_to_floor_ratio": median(full) / median(floor_runs) if floor_runs else None,
        "floor": floor_checks, "full_breakdown": full_breakdown,
        "incremental_share_of_full": median(incremental) / median(full),
        "peak_rss_gib": max(full_rss + incremental_rss) / 2**30,
        "warehouse_bytes": full_copy.stat().st_size,
        "marts": marts,
        "append_breakdown": breakdown,
    }
    return result


def pipeline_fingerprint() -> str:
    """A hash of what the benchmark measures (models, macros, seeds, project, profile and the
    append's selector), so samples from several invocations on the same pipeline can be pooled
    into medians."""
    digest = hashlib.sha256()
    files = [PROJECT / "dbt_project.yml", PROJECT / "profiles.yml", PROJECT / "selectors.yml"]
    for folder in ("models", "macros", "seeds"):
        files += sorted(p for p in (PROJECT / folder).rglob("*") if p.is_file())
    for path in files:
        digest.update(str(path.relative_to(PROJECT)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def pooled(history: Path, fingerprint: str, result: dict) -> dict:
    """Medians over every sample of this size recorded for this pipeline, this invocation included."""
    samples = {"full_seconds": [], "raw_seconds": [], "incremental_seconds": [], "peak_rss_gib": [], "invocations": 0}
    if history.exists():
        for line in history.read_text(encoding="utf-8").splitlines():
            entry = json.loads(line)
            if entry["fingerprint"] != fingerprint or entry["victims"] != result["victims"]:
                continue
            samples["invocations"] += 1
            for key in ("full_seconds", "raw_seconds", "incremental_seconds"):
                samples[key] += entry[key]
            samples["peak_rss_gib"].append(entry["peak_rss_gib"])
    full, raw, incremental = (median(samples[k]) for k in ("full_seconds", "raw_seconds", "incremental_seconds"))
    return {"invocations": samples["invocations"], "samples": len(samples["full_seconds"]),
            "full_median": full, "raw_median": raw, "incremental_median": incremental,
            "full_to_raw_ratio": full / raw, "incremental_share_of_full": incremental / full,
            "peak_rss_gib": max(samples["peak_rss_gib"])}


def append_breakdown(run_results: Path, manifest: Path) -> dict:
    """Where an append's node time goes (dbt's run_results.json of the append run): seconds by kind
    of node (models by materialization; tests by the materialization of the relation they test,
    and whether it carries load batches, i.e. whether the append's row-level tests are scoped),
    and the slowest nodes."""
    results = json.loads(run_results.read_text(encoding="utf-8"))["results"]
    nodes = json.loads(manifest.read_text(encoding="utf-8"))["nodes"]
    groups: dict[str, float] = {}
    slowest = []
    for result in results:
        node = nodes.get(result["unique_id"], {})
        seconds = float(result.get("execution_time") or 0.0)
        if node.get("resource_type") == "model":
            group = f"models: {node['config']['materialized']}"
        elif node.get("resource_type") == "test":
            tested = nodes.get(node.get("attached_node") or "")
            if tested is None:
                group = "tests: singular"
            else:
                batches = ", with load batches" if "load_batch_id" in tested.get("columns", {}) else ""
                group = f"tests of {tested['config']['materialized']} models{batches}"
        else:
            group = f"{result['unique_id'].split('.')[0]}s"
        groups[group] = groups.get(group, 0.0) + seconds
        slowest.append((seconds, result["unique_id"]))
    slowest.sort(reverse=True)
    return {"groups": dict(sorted(groups.items(), key=lambda item: -item[1])), "nodes": len(results),
            "node_seconds": sum(groups.values()), "slowest": [{"node": n, "seconds": s} for s, n in slowest[:15]]}


def targets(result: dict) -> list[tuple[str, str, bool]]:
    """Each target of the benchmark issue, the measured value and whether it is met."""
    ratios = [m["ratio"] for m in result["marts"] if m["ratio"] is not None]
    worst = max(ratios) if ratios else float("nan")
    return [
        ("full build <= 1.3 x direct SQL", f"{result['full_to_raw_ratio']:.2f}", result["full_to_raw_ratio"] <= TARGETS["full_ratio"]),
        ("1% append <= 10% of the full build", f"{result['incremental_share_of_full']:.1%}",
         result["incremental_share_of_full"] <= TARGETS["append_share"]),
        ("peak RSS <= 4 GiB", f"{result['peak_rss_gib']:.2f} GiB", result["peak_rss_gib"] <= TARGETS["peak_rss_gb"]),
        ("every mart <= 1.2 x its direct aggregate", f"worst {worst:.2f}", worst <= TARGETS["mart_ratio"]),
    ]


def floor_lines(result: dict) -> list[str]:
    """The full build beside the floor (reported; the issue sets no target for it), whether the
    floor's tables hold the full build's rows, and where the full build's time goes."""
    floor = result.get("floor") or {}
    if "error" in floor:
        return [f"  the floor failed: {floor['error']}"]
    if not result.get("floor_median"):
        return []
    differing = [t["table"] for t in floor.get("tables", []) if not t.get("match")]
    lines = [f"  the floor (tools/bench/floor.py) {result['floor_median']:.1f} s: full build = "
             f"{result['full_to_floor_ratio']:.1f} x the floor; same rows as the full build: "
             + ("yes, every table" if not differing else "NO: " + ", ".join(differing))]
    breakdown = result.get("full_breakdown") or {}
    if breakdown:
        lines.append("  where the full build's time goes:")
        lines += [f"    {seconds:8.1f} s  {group}" for group, seconds in breakdown.items()]
    return lines


def summary(results: list[dict]) -> str:
    lines = ["", "size (victims) | full dbt build | direct SQL | ratio (<= 1.3) | 1% append | share (<= 10%) | "
             "peak RSS (<= 4 GiB) | worst mart ratio (<= 1.2)"]
    for r in results:
        ratios = [m["ratio"] for m in r["marts"] if m["ratio"] is not None]
        worst = max(ratios) if ratios else float("nan")
        lines.append(
            f"{r['victims']:>14,} | {r['full_median']:>12.1f} s | {r['raw_median']:>8.1f} s | {r['full_to_raw_ratio']:>14.2f} | "
            f"{r['incremental_median']:>7.1f} s | {r['incremental_share_of_full']:>14.1%} | {r['peak_rss_gib']:>15.2f} GiB | "
            f"{worst:>6.2f}")
    pooled_lines = [r for r in results if r.get("pooled", {}).get("invocations", 0) > 1]
    if pooled_lines:
        lines.append("\npooled over every invocation on this pipeline (history.jsonl):")
        for r in pooled_lines:
            p = r["pooled"]
            lines.append(
                f"{r['victims']:>14,} | {p['full_median']:>12.1f} s | {p['raw_median']:>8.1f} s | {p['full_to_raw_ratio']:>14.2f} | "
                f"{p['incremental_median']:>7.1f} s | {p['incremental_share_of_full']:>14.1%} | {p['peak_rss_gib']:>15.2f} GiB |"
                f"  ({p['samples']} samples, {p['invocations']} invocations)")
    for r in results:
        lines.append(f"\ntargets at {r['victims']:,} victims:")
        for name, value, met in targets(r):
            lines.append(f"  {name:<44} {value:>12}  {'met' if met else 'NOT MET'}")
        lines.extend(floor_lines(r))
        breakdown = r.get("append_breakdown") or {}
        if breakdown:
            lines.append(f"  the append's node time, {breakdown['node_seconds']:.1f} s over {breakdown['nodes']} nodes:")
            for group, seconds in breakdown["groups"].items():
                lines.append(f"    {seconds:8.1f} s  {group}")
            lines.append("    slowest: " + ", ".join(f"{n['node'].split('.')[-1]} {n['seconds']:.1f} s" for n in breakdown["slowest"][:8]))
    for r in results:
        lines.append(f"\nmart queries at {r['victims']:,} victims (median of the BI query / direct aggregate):")
        for m in r["marts"]:
            direct = f"{m['direct_seconds'] * 1000:8.1f} ms" if m["direct_seconds"] else "      n/a  "
            ratio = f"{m['ratio']:.2f}" if m["ratio"] is not None else "n/a (no fact measure)"
            lines.append(f"  {m['mart']:<52} {m['country']} {m['period']}  {m['bi_seconds'] * 1000:8.1f} ms  {direct}  {ratio}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000000,10000000", help="comma-separated victim counts")
    parser.add_argument("--runs", type=int, default=1, help="runs per measurement (median); invocations pool")
    parser.add_argument("--runs-large", type=int, default=1, help="runs per measurement for sizes of 5M and more")
    parser.add_argument("--append-share", type=float, default=0.01)
    parser.add_argument("--workdir", type=Path, default=PROJECT / "warehouse" / "bench")
    parser.add_argument("--threads", type=int, default=2, help="DuckDB threads")
    parser.add_argument("--dbt-threads", type=int, default=1,
                        help="dbt threads (1: the large models would otherwise share, and spill, one DuckDB memory budget)")
    parser.add_argument("--memory-limit", default="3GB", help="DuckDB memory limit")
    parser.add_argument("--query-repeats", type=int, default=5)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--countries", type=int, default=40)
    parser.add_argument("--years", type=int, default=15)
    parser.add_argument("--last-year", type=int, default=2025)
    args = parser.parse_args(argv)
    args.workdir = args.workdir.resolve()
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]

    started = time.monotonic()
    log(f"sizes {', '.join(f'{s:,}' for s in sizes)}; runs {args.runs} (large {args.runs_large}); DuckDB threads "
        f"{args.threads}, memory limit {args.memory_limit}; dbt threads {args.dbt_threads}; work in {args.workdir}")
    results = []
    fingerprint = pipeline_fingerprint()
    history = args.workdir / "history.jsonl"
    for size in sizes:
        result = bench_size(size, args)
        with open(history, "a", encoding="utf-8") as handle:
            handle.write(json.dumps({"fingerprint": fingerprint, "at": time.strftime("%Y-%m-%dT%H:%M:%S"),
                                     **{k: result[k] for k in ("victims", "full_seconds", "raw_seconds",
                                                               "incremental_seconds", "peak_rss_gib")}}) + "\n")
        result["pooled"] = pooled(history, fingerprint, result)
        results.append(result)
        (args.workdir / "results.json").write_text(json.dumps(
            {"machine": machine(), "pipeline_fingerprint": fingerprint,
             "settings": {k: str(v) for k, v in vars(args).items()}, "results": results},
            indent=2))
    print(summary(results), flush=True)
    log(f"done in {(time.monotonic() - started) / 60:.1f} min; results in {args.workdir / 'results.json'}")
    return 0


def machine() -> dict:
    info = {"cpus": os.cpu_count(), "python": sys.version.split()[0], "duckdb": duckdb.__version__}
    try:
        info["memory_gib"] = round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1)
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            info["cpu"] = next((line.split(":", 1)[1].strip() for line in handle if line.startswith("model name")), "")
    except (OSError, ValueError):
        pass
    return info


if __name__ == "__main__":
    sys.exit(main())
