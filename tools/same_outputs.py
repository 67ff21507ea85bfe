"""The same outputs: build a base commit and the working tree from the same inputs and compare
every relation of `core`, `marts` and `public` that exists in both, row for row, order-insensitive.

    .venv/bin/python tools/same_outputs.py --workdir /tmp/same_outputs [--base REV] [--head REV]

A refactoring must not change what the warehouse says. The differences this project has decided
on are listed in ALLOWED below, each with its reason; every other difference fails the check
(exit 1). Relations present in one build only, and columns present in one build only, are listed
too; a column renamed on purpose is mapped in RENAMED_COLUMNS so that its values are compared.

The base is exported with `git archive` (no worktree is registered); both builds run
`dbt build --exclude-resource-type test unit_test` with this project's venv, without an external
register, into their own files under --workdir.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

import duckdb

PROJECT_ROOT = Path(__file__).resolve().parents[1]
# the last commit before the house layout (issue 25): what the refactoring must keep
BASE = "0d10a44"
# the last commit of the house layout: the maps below describe BASE -> HOUSE_HEAD. Later changes
# that mean to change what the warehouse says (issue 26's coding) are compared from here on, or
# not at all; tests/python/test_same_outputs.py checks BASE -> HOUSE_HEAD.
HOUSE_HEAD = "5b0711c"
SCHEMAS = ("core", "marts", "public")
# what a build of the project needs (the rest of the checkout is apps, tests and docs)
PROJECT_ENTRIES = ("dbt_project.yml", "profiles.yml", "macros", "models", "seeds", "tests", "analyses")


@dataclass(frozen=True)
class Allowed:
    """A difference decided on: in `relation`, the rows matching `where` (SQL over the row, on
    either side) may differ between base and head."""

    relation: str
    where: str
    reason: str


# schema.relation -> {old column name: new column name}
RENAMED_COLUMNS: dict[str, dict[str, str]] = {}

# One word per thing (HOUSE.md, section 6), for "case": a case is a legal action and its stages;
# records of several sources describing one event are linked records forming an event group; an
# SDG 16.10.1 victim is counted, not a case. Old column name -> new, in every relation that has it.
RENAMED_COLUMNS_EVERYWHERE: dict[str, str] = {
    "case_id": "event_group_id",
    "case_event_id": "anchor_event_id",
    "case_source_count": "event_group_source_count",
    "source_cases": "source_event_groups",
    "verified_source_cases": "verified_source_event_groups",
    "only_this_source_cases": "only_this_source_event_groups",
    "all_sources_cases": "all_sources_event_groups",
    "cases_in_several_sources": "event_groups_in_several_sources",
    "is_sdg_16_10_1_case": "counts_in_sdg_16_10_1",
}

# One word per thing (HOUSE.md, section 6): an old word in a relation's or a column's name is
# compared under its new word, in this order (the plural first). Columns whose values are names of
# columns or vocabularies (NAME_COLUMNS) have the same words replaced in their values.
RENAMED_WORDS: list[tuple[str, str, str]] = [
    ("genders", "sexes", "the register records a person's sex (female, male, unknown), not gender"),
    ("gender", "sex", "the register records a person's sex (female, male, unknown), not gender"),
]
# words that contain an old word and stay as they are (plain English)
KEPT_WORDS: tuple[str, ...] = ("gendered",)
NAME_COLUMNS: tuple[str, ...] = (
    "dimension_1_name", "dimension_2_name", "dimension_3_name", "dimension_key", "description",
    "breakdown", "vocabulary", "term_definition",
)

# relations that the change removed on purpose: name -> reason
REMOVED_RELATIONS: dict[str, str] = {}

# relations renamed on purpose beyond RENAMED_WORDS: old schema.relation -> new schema.relation
RENAMED_RELATIONS: dict[str, str] = {
    "core.fct_case_sources": "core.fct_linked_records",
}

# columns the change removed on purpose: (relation, column) -> reason
REMOVED_COLUMNS: dict[tuple[str, str], str] = {
    ("core.fct_incident_victims", "is_sdg_16_10_1_case"):
        "the SDG 16.10.1 rule has one home, marts.sdg_16_10_1_victims; marts.incident_register and "
        "public.incident_register keep the flag (now counts_in_sdg_16_10_1), read from it (compared equal)",
}

ALLOWED: list[Allowed] = [
    Allowed("marts.published_figure_reconciliation", "figure_id = 'KZ-2020-F-051'",
            "the figure's dimension key lists its names in alphabetical order, and 'sex' sorts after "
            "'procedure_type' where 'gender' sorted before it (the same three pairs)"),
]


def export_commit(rev: str, destination: Path) -> Path:
    """The tracked project files of `rev`, unpacked into `destination`."""
    destination.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryFile() as archive:
        subprocess.run(["git", "archive", "--format=tar", rev], cwd=PROJECT_ROOT, stdout=archive, check=True)
        archive.seek(0)
        with tarfile.open(fileobj=archive) as tar:
            tar.extractall(destination, filter="data")
    return destination


def copy_working_tree(destination: Path) -> Path:
    """The working tree's project files (uncommitted changes included)."""
    destination.mkdir(parents=True, exist_ok=True)
    for entry in PROJECT_ENTRIES:
        source = PROJECT_ROOT / entry
        if source.is_dir():
            shutil.copytree(source, destination / entry, ignore=shutil.ignore_patterns("__pycache__", "target"))
        elif source.exists():
            shutil.copy2(source, destination / entry)
    return destination


def build(project: Path, warehouse: Path) -> None:
    """dbt build of every seed and model (no tests: the check compares what is built)."""
    dbt = Path(sys.executable).parent / "dbt"
    env = dict(os.environ)
    env.pop("JSI_EXTERNAL_REGISTER", None)
    env.update({"JSI_WAREHOUSE": str(warehouse), "DBT_PROFILES_DIR": str(project),
                "DBT_PROJECT_DIR": str(project), "DBT_SEND_ANONYMOUS_USAGE_STATS": "false", "NO_COLOR": "1"})
    warehouse.unlink(missing_ok=True)
    result = subprocess.run([str(dbt), "build", "--exclude-resource-type", "test", "unit_test"],
                            cwd=project, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"dbt build failed in {project}:\n{result.stdout[-4000:]}\n{result.stderr[-2000:]}")


def relations(con: duckdb.DuckDBPyConnection, catalog: str) -> dict[str, list[str]]:
    rows = con.execute(
        "select table_schema || '.' || table_name, list(column_name order by ordinal_position) "
        "from information_schema.columns where table_catalog = ? and table_schema in ? group by all",
        [catalog, list(SCHEMAS)],
    ).fetchall()
    return {name: columns for name, columns in rows}


def renamed_word(name: str) -> str:
    """`name` with the renamed words of RENAMED_WORDS replaced."""
    for old, new, _ in RENAMED_WORDS:
        name = name.replace(old, new)
    return name


def base_value(column: str) -> str:
    """The base's column as the head would say it: a name column has its renamed words replaced."""
    expression = f'"{column}"'
    if column in NAME_COLUMNS:
        for number, kept in enumerate(KEPT_WORDS):
            expression = f"replace({expression}, '{kept}', '<kept {number}>')"
        for old, new, _ in RENAMED_WORDS:
            expression = f"replace({expression}, '{old}', '{new}')"
        for number, kept in enumerate(KEPT_WORDS):
            expression = f"replace({expression}, '<kept {number}>', '{kept}')"
    return expression


def compare(base_file: Path, head_file: Path) -> list[str]:
    """The differences not decided on, one line each (empty: the same outputs)."""
    con = duckdb.connect()
    con.execute(f"attach '{base_file}' as base (read_only)")
    con.execute(f"attach '{head_file}' as head (read_only)")
    base, head = relations(con, "base"), relations(con, "head")
    # base relation name -> its head name
    counterpart = {name: RENAMED_RELATIONS.get(name, renamed_word(name)) for name in base}
    problems: list[str] = []
    for name in sorted(base):
        if counterpart[name] not in head and name not in REMOVED_RELATIONS:
            problems.append(f"{name}: in the base only")
    for name in sorted(set(head) - set(counterpart.values())):
        print(f"new relation (not compared): {name}")
    for name in sorted(n for n in base if counterpart[n] in head):
        head_name = counterpart[name]
        explicit = RENAMED_COLUMNS.get(name, {})
        renamed = {c: explicit.get(c, RENAMED_COLUMNS_EVERYWHERE.get(c, renamed_word(c))) for c in base[name]}
        base_columns = [c for c in base[name] if renamed[c] in head[head_name]]
        for column in base[name]:
            if renamed[column] not in head[head_name] and (name, column) not in REMOVED_COLUMNS:
                problems.append(f"{name}.{column}: in the base only")
        for column in head[head_name]:
            if column not in renamed.values():
                print(f"new column (not compared): {head_name}.{column}")
        base_select = ", ".join(f'{base_value(c)} as "{renamed[c]}"' for c in base_columns)
        head_select = ", ".join(f'"{renamed[c]}"' for c in base_columns)
        allowed = [a for a in ALLOWED if a.relation == name]
        skip = " and ".join(f"not coalesce(({a.where}), false)" for a in allowed) or "true"
        schema, table = name.split(".")
        head_schema, head_table = head_name.split(".")
        base_rows = f'select {base_select} from base."{schema}"."{table}"'
        head_rows = f'select {head_select} from head."{head_schema}"."{head_table}"'
        for label, left, right in (("base only", base_rows, head_rows), ("head only", head_rows, base_rows)):
            diff = f"select * from (({left}) except all ({right})) as d where {skip}"
            count = con.execute(f"select count(*) from ({diff})").fetchone()[0]
            if count:
                example = con.execute(f"select * from ({diff}) limit 3").fetchall()
                problems.append(f"{name}: {count} row(s) {label}, e.g. {example}")
        for a in allowed:
            changed = con.execute(
                f"select count(*) from (({base_rows}) except all ({head_rows})) as d where {a.where}"
            ).fetchone()[0]
            print(f"allowed difference in {name} ({changed} base row(s) changed): {a.reason}")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", default=BASE, help=f"the commit before the change (default {BASE})")
    parser.add_argument("--workdir", type=Path, required=True, help="where both builds go (emptied first)")
    parser.add_argument("--head", help="a commit to compare instead of the working tree")
    parser.add_argument("--reuse-base", action="store_true", help="keep an existing base build in --workdir")
    args = parser.parse_args()
    work = args.workdir.resolve()
    base_file = work / "base.duckdb"
    if not (args.reuse_base and base_file.exists()):
        shutil.rmtree(work / "base", ignore_errors=True)
        build(export_commit(args.base, work / "base"), base_file)
    shutil.rmtree(work / "head", ignore_errors=True)
    head_file = work / "head.duckdb"
    build(export_commit(args.head, work / "head") if args.head else copy_working_tree(work / "head"), head_file)
    problems = compare(base_file, head_file)
    for line in problems:
        print("DIFFERENT:", line)
    print("same outputs" if not problems else f"{len(problems)} difference(s) not decided on")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
