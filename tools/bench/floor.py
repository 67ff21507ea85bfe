"""The floor of `make bench`: the register's work done by hand, in plain DuckDB SQL.

The benchmark compares the dbt build with the machine's floor for the same work: DuckDB reading
the register once and writing the core facts and the main marts with the simplest SQL that gives
the same rows. That SQL is floor.sql, beside this file; this script runs it, times it and checks
its output against the dbt warehouse.

Inputs
  --register DIR    the register directory, as JSI_EXTERNAL_REGISTER names it:
                    DIR/<table>/*.parquet for incident_events, incident_victims, legal_actions
                    and legal_action_stages. Each table is read once (the first four steps of
                    floor.sql); every later step reads those intermediate tables.
  --warehouse FILE  a dbt warehouse already built from the same register (the benchmark's full
                    build). It is attached READ_ONLY, under its own catalog name (the warehouse's
                    views name it), and read for reference data only.
  --out FILE        the floor's DuckDB file (recreated); its name must differ from the
                    warehouse's (e.g. floor.duckdb beside jsi.duckdb).

What the floor reads from the warehouse, and why that is fair
  - Seeds (schema raw): the vocabularies, crosswalks and reference tables (xwalk_*, vocab_*,
    ref_*), the name folds, the name-sex conventions, the confidentiality rules and decisions,
    the record-link decisions, and the shipped register rows raw_incident_events,
    raw_incident_victims, raw_legal_actions and raw_legal_action_stages (load batch 0, a few
    hundred rows that dbt reads from the same seed tables: register_rows() in
    macros/register_rows.sql). Loading seeds is not work the register's size changes.
  - Small dimensions and views over seeds only: core.dim_countries, core.dim_regions,
    core.dim_incident_categories, core.dim_sources, marts.vocabulary_terms,
    staging.stg_assessment__assessment_sources, staging.stg_assessment__name_variants,
    intermediate.int_sources, intermediate.int_sdg_codings__resolved and
    intermediate.int_sources__years_covered_in_part. None of them depends on the register
    (dbt's graph: none is downstream of source external_register).
  - The monitors' contract tables, monitors.*__monitor_records (CPJ, Article 19 Mexico): each
    monitor's own files, some thousands of records, independent of the register. The floor
    reads them, as dbt's register models do, and does itself everything that mixes them with
    the register (int_register__*, the record links, the person groups).
  Everything downstream of the register (the staging of its four tables, the incidents'
  classification, the record links, the name keys, the person and event groups, the sex rule,
  the appearances, the facts, dim_victims and the marts) is computed here, from the parquet
  files. No table the dbt build derived from the register is read, except to verify.

What it writes (schemas as in the warehouse)
  core.fct_incidents, core.fct_incident_victims, core.fct_legal_actions,
  core.fct_legal_action_status_history, core.dim_victims, marts.sdg_16_10_1_victims,
  marts.sdg_16_10_1 and marts.incident_register; intermediate results are tables of the same
  file, dropped after use (temporary tables, held in memory, ran out of 3 GB at 10M victims).

How it is simpler than the dbt build (the rows are the same; the method differs)
  - No views, incremental machinery, contracts or tests: one `create table ... as select` per
    output, intermediate tables between them, each dropped after its last reader.
  - Intermediate results keep only the columns some output needs: int_person_names__sex is
    just the inferred sex, fct_linked_records just each incident's event group (id, size, newest
    batch), int_event_groups just the anchor (its part_of links feed no output), and
    int_incidents__classified is folded into fct_incidents (the linkage steps read
    fct_incidents: the same rows, more columns).
  - The name folds are one nested regexp_replace built from ref_name_folds, not a recursive
    query; the connected components of links are a recursive UNION (reachability), not paths.

Verification
  Each table written is compared with the warehouse's table of the same name, column for column
  in the warehouse's column order: first by a fingerprint of its rows as a multiset (the count and
  the sum of a hash of each row, the values cast to the warehouse's types); where the fingerprints
  differ, with EXCEPT ALL in both directions: rows only in the floor, rows only in the warehouse. A table matches when both are 0 and the columns are the same, in
  the same order. Columns the floor lacks are reported and the others compared; differing
  column types are reported beside the result.

Use
  python tools/bench/floor.py --register DIR --warehouse FILE --out FILE --threads 1 --memory-limit 3GB
  or, from bench.py, run_floor(register, warehouse, out, threads, memory_limit) -> dict.
The build runs in a child process (this script with --build-only), so that its wall clock and
peak RSS are those of the floor alone, measured as bench.py measures its other steps (wait4).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import yaml

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parents[1]
SQL_FILE = HERE / "floor.sql"
OUTPUT_TABLES = (
    "core.fct_incidents",
    "core.fct_incident_victims",
    "core.fct_legal_actions",
    "core.fct_legal_action_status_history",
    "core.dim_victims",
    "marts.sdg_16_10_1_victims",
    "marts.sdg_16_10_1",
    "marts.incident_register",
)
STEP_MARKER = re.compile(r"^-- step: (\S+)\s*$", re.MULTILINE)
FOLD_PLACEHOLDER = re.compile(r"@FOLD_NAME\((.*?)\)@", re.DOTALL)


def log(message: str) -> None:
    print(f"[floor {time.strftime('%H:%M:%S')}] {message}", flush=True)


def sql_string(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def remove_database(path: Path) -> None:
    for suffix in ("", ".wal"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def project_vars() -> dict:
    with open(PROJECT / "dbt_project.yml", encoding="utf-8") as handle:
        return yaml.safe_load(handle).get("vars", {})


def fold_expression(con: duckdb.DuckDBPyConnection, catalog: str, inner: str) -> str:
    """ref_name_folds applied one after another, in rule order, to the SQL expression `inner`."""
    folds = con.execute(
        f"select pattern, coalesce(replacement, '') from {quoted(catalog)}.raw.ref_name_folds order by rule_order"
    ).fetchall()
    expression = inner
    for pattern, replacement in folds:
        expression = f"regexp_replace({expression}, {sql_string(pattern)}, {sql_string(replacement)}, 'g')"
    return expression


def monitor_records_sql(con: duckdb.DuckDBPyConnection, catalog: str) -> str:
    """Every monitor's contract table (monitors.<monitor>__monitor_records), one relation."""
    tables = [row[0] for row in con.execute(
        "select table_name from information_schema.tables where table_catalog = ? and table_schema = 'monitors' "
        "and table_name like '%monitor_records' order by table_name", [catalog]).fetchall()]
    if not tables:
        raise SystemExit(f"floor: no monitors.*__monitor_records table in the warehouse ({catalog})")
    return "\nunion all by name\n".join(f"select * from {quoted(catalog)}.monitors.{quoted(table)}" for table in tables)


def render_steps(con: duckdb.DuckDBPyConnection, register: Path, catalog: str) -> list[tuple[str, str]]:
    """floor.sql with its placeholders filled in, as (step name, SQL) pairs in order."""
    variables = project_vars()
    categories = variables.get("record_link_place_categories", [])
    text = SQL_FILE.read_text(encoding="utf-8")
    text = FOLD_PLACEHOLDER.sub(lambda match: fold_expression(con, catalog, match.group(1)), text)
    text = (text.replace("@REGISTER@", str(register.resolve()).replace("'", "''"))
            .replace("@WH@", quoted(catalog))
            .replace("@YEAR_TOLERANCE@", str(int(variables.get("record_link_year_tolerance", 0))))
            .replace("@PLACE_CATEGORIES@", "(" + ", ".join(sql_string(c) for c in categories) + ")"
                     if categories else "(select null where false)")
            .replace("@MONITOR_RECORDS@", monitor_records_sql(con, catalog)))
    pieces = STEP_MARKER.split(text)
    return [(pieces[i], pieces[i + 1].strip()) for i in range(1, len(pieces), 2)]


def quoted(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def catalog_names(warehouse: Path, out: Path) -> str:
    """The warehouse's catalog name: its file's stem, which its views name (so it cannot be the
    floor file's)."""
    if warehouse.stem == out.stem:
        raise SystemExit(f"floor: --out ({out.name}) must not have the warehouse's name ({warehouse.name})")
    return warehouse.stem


def build(register: Path, warehouse: Path, out: Path, threads: int, memory_limit: str) -> dict:
    """Runs floor.sql into a new `out`, in this process: seconds per step, and in all
    (build_seconds: connecting, attaching the warehouse, every step and the final checkpoint)."""
    catalog = catalog_names(warehouse, out)
    started = time.perf_counter()
    remove_database(out)
    con = duckdb.connect(str(out), config={
        "threads": threads, "memory_limit": memory_limit, "preserve_insertion_order": False})
    steps = {}
    try:
        con.execute("set enable_progress_bar = false")
        con.execute(f"attach {sql_string(str(warehouse.resolve()))} as {quoted(catalog)} (read_only)")
        for name, sql in render_steps(con, register, catalog):
            step_started = time.perf_counter()
            con.execute(sql)
            steps[name] = time.perf_counter() - step_started
            log(f"  {name:<40} {steps[name]:8.2f} s")
        step_started = time.perf_counter()
        con.execute("checkpoint")
        steps["checkpoint"] = time.perf_counter() - step_started
    finally:
        con.close()
    return {"build_seconds": time.perf_counter() - started, "step_seconds": steps}


def compare_table(con: duckdb.DuckDBPyConnection, catalog: str, floor_catalog: str, table: str) -> dict:
    """The floor's table against the warehouse's, column for column, EXCEPT ALL both ways."""
    schema, name = table.split(".")

    def columns(database: str) -> list[tuple[str, str]]:
        return [(row[0], row[1]) for row in con.execute(
            "select column_name, data_type from information_schema.columns "
            "where table_catalog = ? and table_schema = ? and table_name = ? order by ordinal_position",
            [database, schema, name]).fetchall()]

    ours, theirs = columns(floor_catalog), columns(catalog)
    result = {"table": table}
    if not ours or not theirs:
        return {**result, "match": False, "note": "not written by the floor" if not ours else "not in the warehouse"}
    our_types, their_types = dict(ours), dict(theirs)
    ours_relation = f"{quoted(floor_catalog)}.{schema}.{name}"
    theirs_relation = f"{quoted(catalog)}.{schema}.{name}"
    common = [column for column, _ in theirs if column in our_types]
    result.update({
        "rows_floor": con.execute(f"select count(*) from {ours_relation}").fetchone()[0],
        "rows_warehouse": con.execute(f"select count(*) from {theirs_relation}").fetchone()[0],
        "columns_compared": len(common),
        "columns_missing": [column for column, _ in theirs if column not in our_types],
        "columns_extra": [column for column, _ in ours if column not in their_types],
        # the order of the columns both have (a missing or extra column is reported apart)
        "same_column_order": [column for column, _ in ours if column in their_types] == common,
        "type_differences": {column: {"floor": our_types[column], "warehouse": their_types[column]}
                             for column in common if our_types[column] != their_types[column]},
    })
    # the fingerprint of each side's rows as a multiset: the count and the sum of a hash of each row,
    # its values cast to the warehouse's types (one scan of each table); equal fingerprints mean
    # the same rows, and only tables whose fingerprints differ are compared by EXCEPT ALL (which at
    # 10M victims took half an hour for the eight tables)
    row_hash = "hash(" + ", ".join(f"cast({quoted(column)} as {their_types[column]})" for column in common) + ")"
    fingerprints = [con.execute(f"select count(*), sum(cast({row_hash} as hugeint)) from {relation}").fetchone()
                    for relation in (ours_relation, theirs_relation)]
    result["compared_by"] = "row-hash fingerprint" if fingerprints[0] == fingerprints[1] else "EXCEPT ALL"
    if fingerprints[0] == fingerprints[1]:
        result["rows_only_in_floor"] = result["rows_only_in_warehouse"] = 0
    else:
        select_list = ", ".join(quoted(column) for column in common)
        ours_sql = f"select {select_list} from {ours_relation}"
        theirs_sql = f"select {select_list} from {theirs_relation}"
        result["rows_only_in_floor"] = con.execute(
            f"select count(*) from ({ours_sql} except all {theirs_sql})").fetchone()[0]
        result["rows_only_in_warehouse"] = con.execute(
            f"select count(*) from ({theirs_sql} except all {ours_sql})").fetchone()[0]
    result["match"] = (result["rows_only_in_floor"] == 0 and result["rows_only_in_warehouse"] == 0
                       and not result["columns_missing"] and not result["columns_extra"]
                       and result["same_column_order"])
    return result


def verify(warehouse: Path, out: Path, threads: int, memory_limit: str) -> dict:
    catalog = catalog_names(warehouse, out)
    started = time.perf_counter()
    con = duckdb.connect(str(out), read_only=True, config={"threads": threads, "memory_limit": memory_limit})
    try:
        con.execute("set enable_progress_bar = false")
        con.execute(f"attach {sql_string(str(warehouse.resolve()))} as {quoted(catalog)} (read_only)")
        floor_catalog = con.execute("select current_database()").fetchone()[0]
        tables = [compare_table(con, catalog, floor_catalog, table) for table in OUTPUT_TABLES]
    finally:
        con.close()
    return {"verify_seconds": time.perf_counter() - started, "tables": tables}


def run_floor(register: Path, warehouse: Path, out: Path, threads: int = 2, memory_limit: str = "3GB",
              check: bool = True) -> dict:
    """The floor at this register: floor.sql run in a child process (its wall clock and peak RSS
    from wait4, as bench.py's Step measures), then its tables checked against the warehouse.

    Returns {"seconds", "peak_rss_bytes", "build_seconds", "step_seconds", "tables" (one dict per
    output table: rows, match, rows only in either side, columns missing, type differences),
    "all_match", "verify_seconds"}."""
    # absolute: the child runs in the project directory
    register, warehouse, out = Path(register).resolve(), Path(warehouse).resolve(), Path(out).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    timings = Path(str(out) + ".timings.json")
    timings.unlink(missing_ok=True)
    command = [sys.executable, str(Path(__file__).resolve()), "--build-only", "--register", str(register),
               "--warehouse", str(warehouse), "--out", str(out), "--threads", str(threads),
               "--memory-limit", memory_limit, "--timings", str(timings)]
    started = time.monotonic()
    process = subprocess.Popen(command, cwd=PROJECT)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.monotonic() - started
    exit_code = os.waitstatus_to_exitcode(status)
    if exit_code != 0:
        raise RuntimeError(f"floor: the build failed (exit {exit_code}): {' '.join(command)}")
    result = {"seconds": seconds, "peak_rss_bytes": usage.ru_maxrss * 1024,
              **json.loads(timings.read_text(encoding="utf-8"))}
    timings.unlink(missing_ok=True)
    if check:
        result.update(verify(warehouse, out, threads, memory_limit))
        result["all_match"] = all(table["match"] for table in result["tables"])
    return result


def full_build_breakdown(run_results: Path, manifest: Path, full_seconds: float) -> dict:
    """Where a full dbt build's wall clock goes, beside the floor (dbt's run_results.json and
    manifest.json of that build; bench.py's append run overwrites them, so copy them first).
    Node seconds by kind: the models the floor also builds (ancestors of its tables that read the
    register), the other models downstream of the register (marts the floor does not write), the
    models that do not read it, seeds, data tests of either, unit tests and hooks; the rest of
    the wall clock (parsing, compiling, starting) is dbt's own."""
    results = json.loads(Path(run_results).read_text(encoding="utf-8"))["results"]
    graph = json.loads(Path(manifest).read_text(encoding="utf-8"))
    nodes = graph["nodes"]
    children: dict[str, list[str]] = {}
    for node_id, node in nodes.items():
        for parent in node.get("depends_on", {}).get("nodes", []):
            children.setdefault(parent, []).append(node_id)
    downstream, stack = set(), [s for s in graph["sources"] if ".external_register." in s]
    while stack:
        for child in children.get(stack.pop(), []):
            if child not in downstream:
                downstream.add(child)
                stack.append(child)
    by_name = {node["name"]: node_id for node_id, node in nodes.items() if node["resource_type"] == "model"}
    floor_path, stack = set(), [by_name[t.split(".")[1]] for t in OUTPUT_TABLES if t.split(".")[1] in by_name]
    while stack:
        node_id = stack.pop()
        if node_id not in floor_path:
            floor_path.add(node_id)
            stack += [p for p in nodes[node_id].get("depends_on", {}).get("nodes", []) if p in nodes]
    groups: dict[str, float] = {}
    for result in results:
        node_id, seconds = result["unique_id"], float(result.get("execution_time") or 0.0)
        kind = nodes.get(node_id, {}).get("resource_type", node_id.split(".")[0])
        if kind == "model":
            group = ("models the floor builds too" if node_id in floor_path and node_id in downstream
                     else "other models downstream of the register" if node_id in downstream
                     else "models not reading the register")
        elif kind == "test":
            group = "data tests of the register's models" if node_id in downstream else "other data tests"
        else:
            group = f"{kind}s"
        groups[group] = groups.get(group, 0.0) + seconds
    node_seconds = sum(groups.values())
    groups["dbt itself (parse, compile, start; wall clock less node time)"] = max(0.0, full_seconds - node_seconds)
    return dict(sorted(groups.items(), key=lambda item: -item[1]))


def report(result: dict) -> str:
    lines = [f"floor: {result['seconds']:.2f} s wall clock (in DuckDB {result['build_seconds']:.2f} s), "
             f"peak RSS {result['peak_rss_bytes'] / 2**30:.2f} GiB"]
    lines += [f"  {name:<40} {seconds:8.2f} s" for name, seconds in result["step_seconds"].items()]
    if "tables" in result:
        lines.append(f"verification ({result['verify_seconds']:.1f} s) against the warehouse (a row-hash fingerprint; "
                     "EXCEPT ALL both ways where it differs):")
        lines.append(f"  {'table':<38} {'rows floor':>11} {'rows dbt':>11} {'only floor':>11} {'only dbt':>9}  match")
        for table in result["tables"]:
            if "rows_floor" not in table:
                lines.append(f"  {table['table']:<38} {table['note']}")
                continue
            lines.append(f"  {table['table']:<38} {table['rows_floor']:>11,} {table['rows_warehouse']:>11,} "
                         f"{table['rows_only_in_floor']:>11,} {table['rows_only_in_warehouse']:>9,}  "
                         f"{'yes' if table['match'] else 'NO'}")
            notes = []
            if table["columns_missing"]:
                notes.append("columns not written (not compared): " + ", ".join(table["columns_missing"]))
            if table["columns_extra"]:
                notes.append("columns not in the warehouse: " + ", ".join(table["columns_extra"]))
            if not table["same_column_order"]:
                notes.append("column order differs from the warehouse's")
            if table["type_differences"]:
                notes.append("types differ: " + ", ".join(
                    f"{c} {t['floor']} (dbt {t['warehouse']})" for c, t in table["type_differences"].items()))
            lines += [f"      {note}" for note in notes]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--register", type=Path, required=True, help="register directory (<table>/*.parquet)")
    parser.add_argument("--warehouse", type=Path, required=True, help="the dbt warehouse built from it")
    parser.add_argument("--out", type=Path, required=True, help="the floor's DuckDB file (recreated)")
    parser.add_argument("--threads", type=int, default=2, help="DuckDB threads")
    parser.add_argument("--memory-limit", default="3GB", help="DuckDB memory limit")
    parser.add_argument("--no-verify", action="store_true", help="build and time only")
    parser.add_argument("--json", type=Path, help="write the result here as JSON")
    parser.add_argument("--build-only", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--timings", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.build_only:  # the child run_floor starts
        timings = build(args.register, args.warehouse, args.out, args.threads, args.memory_limit)
        args.timings.write_text(json.dumps(timings), encoding="utf-8")
        return 0
    started = time.monotonic()
    result = run_floor(args.register, args.warehouse, args.out, args.threads, args.memory_limit,
                       check=not args.no_verify)
    result["script_seconds"] = time.monotonic() - started
    print(report(result), flush=True)
    log(f"whole script {result['script_seconds']:.1f} s")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2), encoding="utf-8")
    return 0 if result.get("all_match", True) else 1


if __name__ == "__main__":
    sys.exit(main())
