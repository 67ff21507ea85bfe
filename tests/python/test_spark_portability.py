"""One code base for DuckDB and Spark: no DuckDB-only SQL outside a dispatched macro.

The project's SQL runs on DuckDB (the product) and on Spark (`make build-spark`). Every construct
that only one engine understands lives in a macro with a DuckDB and a Spark form
(macros/cross_database.sql, macros/validate_*.sql, macros/spark/), or is one of dbt's own
cross-database macros. This test reads every model, macro and data test and fails on a DuckDB-only
form anywhere else, naming the file, the line and the construct.
"""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# construct -> a pattern of its DuckDB-only spelling (in SQL text, not in a Jinja call)
DUCKDB_ONLY = {
    "list functions": r"\blist_[a-z_]+\s*\(",
    "lambda": r"\blambda\b",
    "struct_pack": r"\bstruct_pack\s*\(",
    "map functions": r"\bmap_(from_entries|keys|values|entries)\s*\(",
    "string_agg (use dbt.listagg)": r"\bstring_agg\s*\(",
    "arg_max / arg_min (use max_by / min_by)": r"\barg_(max|min)\s*\(",
    "strftime (use format_date)": r"\bstrftime\s*\(",
    "strptime (use try_parse_month_day_year)": r"\b(try_)?strptime\s*\(",
    "generate_series (use days_between)": r"\bgenerate_series\s*\(",
    "string_split / unnest (use split_to_rows / split_to_values)": r"\b(string_split|unnest)\s*\(",
    "date_diff (use dbt.datediff)": r"\bdate_diff\s*\(",
    "union all by name (use union_all_by_name)": r"\bunion\s+all\s+by\s+name\b",
    "* exclude (use star_except)": r"\*\s*exclude\s*\(",
    "varchar (use string or dbt.type_string())": r"\bvarchar\b",
    "regexp_matches (use regexp_contains)": r"\bregexp_matches\s*\(",
    "regexp_replace with 'g' (use regexp_replace_all)": r"\bregexp_replace\s*\([^)]*'g'\s*\)",
    "DuckDB file readers": r"\bread_(csv|json|parquet|text|blob)\s*\(",
    "list literal": r"(?<![\w\]\)'\"])\[\s*(cast|[a-z_]+\.[a-z_]+)",
    "double-quoted identifier (use adapter.quote)": r"\.\"\w",
    "monthname / dayname / isodow (use month_name / day_name / iso_day_of_week)": r"\b(monthname|dayname|isodow)\s*\(",
}

# where the DuckDB forms belong: the default (DuckDB) side of a dispatched macro
ALLOWED = {
    "macros/cross_database.sql",
    "macros/validate_seed_files.sql",
    "macros/validate_source_files.sql",
    "macros/spark/accent_folds.sql",
}


def sql_files() -> list[Path]:
    files = [
        path
        for folder in ("models", "macros", "tests/dbt")
        for path in (ROOT / folder).rglob("*.sql")
    ]
    return sorted(path for path in files if path.relative_to(ROOT).as_posix() not in ALLOWED)


def strip_jinja_and_comments(text: str) -> str:
    """SQL as the engine sees it, roughly: Jinja calls, Jinja comments and SQL comments blanked."""
    text = re.sub(r"\{#.*?#\}", lambda m: "\n" * m.group(0).count("\n"), text, flags=re.S)
    text = re.sub(r"\{\{.*?\}\}", lambda m: "\n" * m.group(0).count("\n"), text, flags=re.S)
    text = re.sub(r"\{%.*?%\}", lambda m: "\n" * m.group(0).count("\n"), text, flags=re.S)
    return re.sub(r"--[^\n]*", "", text)


def violations(path: Path, label: str | None = None) -> list[str]:
    """Every DuckDB-only form in a file, as "file:line: construct: text"."""
    label = label or str(path.relative_to(ROOT))
    lines = strip_jinja_and_comments(path.read_text(encoding="utf-8")).splitlines()
    return [
        f"{label}:{number}: {construct}: {line.strip()}"
        for number, line in enumerate(lines, start=1)
        for construct, pattern in DUCKDB_ONLY.items()
        if re.search(pattern, line, flags=re.I)
    ]


def test_no_duckdb_only_sql_outside_dispatched_macros():
    found = [v for path in sql_files() for v in violations(path)]
    assert not found, "DuckDB-only SQL outside a dispatched macro:\n" + "\n".join(found)


def test_contracts_and_seed_types_name_types_both_engines_know():
    found = []
    for folder in ("models", "seeds"):
        for path in (ROOT / folder).rglob("*.yml"):
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                if re.search(r"(data_type:\s*varchar\b|:\s*varchar\s*[,}]|:\s*varchar\s*$)", line):
                    found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not found, "varchar in a contract or seed type (Spark needs string):\n" + "\n".join(found)


@pytest.mark.parametrize(
    "construct, line",
    [
        ("string_agg (use dbt.listagg)", "    string_agg(x, ';' order by x) as xs,"),
        ("union all by name (use union_all_by_name)", "    union all by name"),
        ("list literal", "    min_by(a, [cast(b as string), c]),"),
        ("regexp_replace with 'g' (use regexp_replace_all)", "    regexp_replace(x, '\\s+', ' ', 'g')"),
    ],
)
def test_the_check_sees_duckdb_only_forms(tmp_path, construct, line):
    """The patterns catch what they name (and a Jinja call of the macro does not count)."""
    model = tmp_path / "model.sql"
    model.write_text(f"select\n{line}\n    {{{{ dbt.listagg('x', \"';'\", 'order by x') }}}} as ok\nfrom t\n")
    found = violations(model, label=model.name)
    assert any(construct in v for v in found), found
    assert all(":3:" not in v for v in found), found

