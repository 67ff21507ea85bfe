"""Check the external register's load batches before anything loads: `make build` and `make
append` run it (tools/publish.py) when JSI_EXTERNAL_REGISTER names a register.

    register_batches.py <register directory> [--warehouse warehouse/jsi.duckdb]

The register is one Parquet file per table and load batch, <dir>/<table>/batch_<N>.parquet, with
the columns of the matching raw seed plus load_batch_id (models/staging/assessment/
_assessment__sources.yml). The seeds' own rules apply, read from their YAML (one home): each
table's key (meta.primary_key) and required columns (meta.required). Checked, one line per
problem naming the file, the row (1 = first row of the file), the column and the value:
- the file's name is batch_<N>.parquet and every row's load_batch_id is N;
- required columns are never empty;
- a key is in one row of one batch only: corrections are not appended (a changed record is a new
  build of the register, `make build`), so an append always equals a rebuild;
- with --warehouse (an append): a batch no newer than the warehouse's latest is one the warehouse
  already holds, row for row; a batch it does not hold would be skipped, and one it holds with
  other rows would be a silent correction: both stop.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import duckdb
import yaml

PROJECT_ROOT = Path(__file__).resolve().parents[1]
TABLES = {"incident_events": "raw_incident_events", "incident_victims": "raw_incident_victims",
          "legal_actions": "raw_legal_actions", "legal_action_stages": "raw_legal_action_stages"}
STAGING = {"incident_events": "staging.stg_assessment__incident_events",
           "incident_victims": "staging.stg_assessment__incident_victims",
           "legal_actions": "staging.stg_assessment__legal_actions",
           "legal_action_stages": "staging.stg_assessment__legal_action_stages"}
BATCH_FILE = re.compile(r"batch_(\d+)\.parquet")
MAX_EXAMPLES = 5


def seed_rules() -> dict[str, dict]:
    """The key and required columns of each register table, from its raw seed's YAML."""
    declared = yaml.safe_load((PROJECT_ROOT / "seeds" / "raw" / "_raw__seeds.yml").read_text(encoding="utf-8"))
    meta = {seed["name"]: (seed.get("config") or {}).get("meta") or {} for seed in declared["seeds"]}
    return {table: {"key": meta[seed]["primary_key"], "required": meta[seed].get("required", [])}
            for table, seed in TABLES.items()}


def quoted(path: Path) -> str:
    return str(path).replace("'", "''")


def check(register: Path, warehouse: Path | None = None) -> list[str]:
    problems: list[str] = []
    rules = seed_rules()
    con = duckdb.connect()
    loaded: dict[str, dict[int, int]] = {}
    watermark = None
    if warehouse is not None and warehouse.is_file():
        con.execute(f"attach '{quoted(warehouse)}' as published (read_only)")
        for table, relation in STAGING.items():
            loaded[table] = dict(con.execute(
                f"select load_batch_id, count(*) from published.{relation} group by 1").fetchall())
        watermark = max((batch for counts in loaded.values() for batch in counts), default=0)
    for table, rule in rules.items():
        files = sorted((register / table).glob("*.parquet"))
        for path in files:
            where = f"{register.name}/{table}/{path.name}"
            name = BATCH_FILE.fullmatch(path.name)
            if not name:
                problems.append(f"{where}: the file name must be batch_<number>.parquet (the batch it delivers)")
                continue
            batch = int(name.group(1))
            source = f"read_parquet('{quoted(path)}', file_row_number = true)"
            columns = [r[0] for r in con.execute(f"describe select * from {source}").fetchall()]
            missing = [c for c in ["load_batch_id", *rule["key"], *rule["required"]] if c not in columns]
            if missing:
                problems.append(f"{where}: column{'s' if len(missing) > 1 else ''} {', '.join(missing)} missing")
                continue
            for row, value in con.execute(
                    f"select file_row_number + 1, load_batch_id from {source} where load_batch_id is distinct from {batch}"
                    f" order by 1 limit {MAX_EXAMPLES}").fetchall():
                problems.append(f"{where}, row {row}, column load_batch_id: value {value!r} but the file is batch {batch}")
            for column in rule["required"]:
                for (row,) in con.execute(
                        f"select file_row_number + 1 from {source} where nullif(trim(cast(\"{column}\" as varchar)), '') is null"
                        f" order by 1 limit {MAX_EXAMPLES}").fetchall():
                    problems.append(f"{where}, row {row}, column {column}: value is empty but required")
            if watermark is not None and batch <= watermark:
                (rows,) = con.execute(f"select count(*) from {source}").fetchone()
                held = loaded[table].get(batch)
                if held is None:
                    problems.append(f"{where}: batch {batch} is not newer than the warehouse's latest batch {watermark} "
                                    "and the warehouse does not hold it: an append would skip it (give it a new number)")
                elif held != rows:
                    problems.append(f"{where}: batch {batch} has {rows} rows, the warehouse loaded {held}: a loaded batch "
                                    "changed (corrections are a new build, make build)")
        valid = [path for path in files if BATCH_FILE.fullmatch(path.name)]
        if valid:
            # a key in two rows of the table's batches (one query over all of them)
            key = " || '|' || ".join(f'trim(cast("{c}" as varchar))' for c in rule["key"])
            listed = ", ".join(f"'{quoted(path)}'" for path in valid)
            duplicates = con.execute(f"""
                select parse_filename(filename), file_row_number + 1, key_value,
                       parse_filename(first_value(filename) over keyed), first_value(file_row_number) over keyed + 1
                from (select *, {key} as key_value from read_parquet([{listed}], filename = true, file_row_number = true,
                                                                     union_by_name = true))
                window keyed as (partition by key_value order by filename, file_row_number)
                qualify row_number() over keyed > 1
                order by 1, 2
                limit {MAX_EXAMPLES}""").fetchall()
            for file, row, value, first_file, first_row in duplicates:
                problems.append(
                    f"{register.name}/{table}/{file}, row {row}, column {'+'.join(rule['key'])}: key {value!r} is already in "
                    f"{first_file}, row {first_row}: a record is delivered once; a correction is a new build of the "
                    "register (make build), never an append")
    return problems


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("register", type=Path)
    parser.add_argument("--warehouse", type=Path, help="the published warehouse an append adds to")
    args = parser.parse_args(argv)
    problems = check(args.register, args.warehouse)
    if problems:
        print(f"Register validation failed ({len(problems)} problem(s)); nothing was loaded:\n  - " + "\n  - ".join(problems))
        sys.exit(1)
    print(f"register {args.register}: every batch checked")


if __name__ == "__main__":
    main()
