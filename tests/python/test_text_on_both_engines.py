"""Text cleaning and splitting give the same values on DuckDB and on Spark.

The macros clean_text, split_to_values and split_to_rows (macros/clean_text.sql,
macros/cross_database.sql) are rendered by dbt for each engine and run there (`dbt show` on the
dev target, DuckDB, and on the spark target, an in-process Spark session) over the same texts:
no-break spaces, tabs, runs of spaces, empty texts, and delimiters that are regular-expression
metacharacters, a backslash or a single quote. Both engines must give the values written below.
The texts are passed as dbt vars and written into the SQL by text_literal, checked so too.

A minimal dbt project in a temporary folder reads the project's own macros (a link to macros/) and
profiles.yml, so only the macros are parsed. Needs pyspark, dbt-spark and a Java runtime; skipped
with the reason otherwise.
"""

from __future__ import annotations

import json
import os
import shutil
from collections import defaultdict

import pytest

from conftest import PROJECT_ROOT

NBSP = "\u00a0"

# clean_text: (text as published, cleaned) -- None is null
CLEANED = [
    ("Juan" + NBSP + "Pérez", "Juan Pérez"),
    (NBSP + "Juan " + NBSP + " Pérez" + NBSP, "Juan Pérez"),
    ("a\t\tb", "a b"),
    ("  a   b  ", "a b"),
    ("line\r\nnext", "line next"),
    ("a\u000bb\u000cc", "a b c"),  # vertical tab, form feed
    ("a\u2007b\u202fc\u3000d", "a b c d"),  # figure space, narrow no-break space, ideographic space
    ("a\u0085b\u2028c", "a b c"),  # next line, line separator
    ("zero\u200bwidth", "zero\u200bwidth"),  # a zero-width space is not white space: kept
    ("O'Brien \\ Sons", "O'Brien \\ Sons"),
    ("", None),
    (" " + NBSP + "\t\n", None),
    (None, None),
]

# split_to_values and split_to_rows: (text, delimiter, parts); the parts come in no set order
# (DuckDB's cross join unnest may give them backwards), so they are compared sorted
SPLIT = [
    ("('a'),('b'),('c')", "'),", ["('a", "('b", "('c')"]),
    ("a|b||c|", "|", ["a", "b", "", "c", ""]),
    ("a.b", "|", ["a.b"]),
    ("a.b|c", ".", ["a", "b|c"]),
    ("abc", ".", ["abc"]),
    ("C:\\dir\\file.txt", "\\", ["C:", "dir", "file.txt"]),
    ("it's 'quoted'", "'", ["it", "s ", "quoted", ""]),
    ("1+2*3", "+", ["1", "2*3"]),
    ("x[1]y[1]", "[1]", ["x", "y", ""]),
    ("$a$", "$", ["", "a", ""]),
    ("CC-12/CC-13", "/", ["CC-12", "CC-13"]),
    ("a" + NBSP + "b", NBSP, ["a", "b"]),
    ("", ";", [""]),
]

INLINE = """
{%- for text in var('cleaned') %}
select 'clean_text' as form, {{ loop.index }} as case_number,
    {{ clean_text('cast(null as string)' if text is none else text_literal(text)) }} as value
union all
{%- endfor %}
{%- for case in var('split') %}
select 'split_to_values' as form, {{ loop.index }} as case_number,
    {{ split_to_values(text_literal(case.text), case.delimiter) }} as value
union all
select 'split_to_rows' as form, {{ loop.index }} as case_number, parts.part as value
from (select {{ text_literal(case.text) }} as whole) as source
{{ split_to_rows('source.whole', case.delimiter, 'parts', 'part') }}
{{ 'union all' if not loop.last }}
{%- endfor %}
"""


def expected() -> dict[tuple[str, int], list]:
    values = {("clean_text", number): [cleaned] for number, (_, cleaned) in enumerate(CLEANED, start=1)}
    for number, (_, _, parts) in enumerate(SPLIT, start=1):
        values[("split_to_values", number)] = sorted(parts)
        values[("split_to_rows", number)] = sorted(parts)
    return values


@pytest.fixture(scope="module")
def shown(tmp_path_factory):
    """INLINE run by `dbt show` on DuckDB and on Spark: {engine: {(form, case number): [values]}}."""
    pytest.importorskip("pyspark")
    pytest.importorskip("dbt.adapters.spark")
    if shutil.which("java") is None:
        pytest.skip("no Java runtime: apt-get install openjdk-17-jre-headless")
    from dbt.cli.main import dbtRunner

    root = tmp_path_factory.mktemp("text_on_both_engines")
    project = root / "project"
    project.mkdir()
    (project / "macros").symlink_to(PROJECT_ROOT / "macros")
    (project / "dbt_project.yml").write_text(
        'name: text_on_both_engines\nversion: "1.0"\nconfig-version: 2\nprofile: jsi\nmacro-paths: ["macros"]\n'
    )
    saved = dict(os.environ)
    os.environ.update(
        {
            "JSI_WAREHOUSE": str(root / "jsi.duckdb"),
            "JSI_SPARK_HOME": str(root / "spark"),
            "JSI_SPARK_DRIVER_MEMORY": "1g",
            "SPARK_LOCAL_IP": "127.0.0.1",
        }
    )
    cases = {
        "cleaned": [text for text, _ in CLEANED],
        "split": [{"text": text, "delimiter": delimiter} for text, delimiter, _ in SPLIT],
    }

    def show(target: str) -> dict[tuple[str, int], list]:
        result = dbtRunner().invoke(
            ["show", "--inline", INLINE, "--limit", "1000", "--target", target, "--vars", json.dumps(cases),
             "--project-dir", str(project), "--profiles-dir", str(PROJECT_ROOT),
             "--target-path", str(root / f"target_{target}"), "--log-path", str(root / "logs"),
             "--no-partial-parse", "--quiet"]
        )
        assert result.success, result.exception or result.result
        values = defaultdict(list)
        for form, number, value in result.result.results[0].agate_table.rows:
            values[(form, int(number))].append(value)
        return {key: sorted(found, key=lambda value: (value is not None, value or "")) for key, found in values.items()}

    try:
        yield {"duckdb": show("dev"), "spark": show("spark")}
    finally:
        os.environ.clear()
        os.environ.update(saved)
        # the Spark session and the DuckDB connection dbt left open in this process
        from dbt.adapters.duckdb.connections import DuckDBConnectionManager
        from pyspark.sql import SparkSession

        SparkSession.builder.getOrCreate().stop()
        DuckDBConnectionManager.close_all_connections()


@pytest.mark.parametrize("engine", ["duckdb", "spark"])
def test_text_cleaning_and_splitting_give_the_values_written_here(shown, engine):
    got, want = shown[engine], expected()
    wrong = {key: (got.get(key), value) for key, value in want.items() if got.get(key) != value}
    assert not wrong, f"{engine}: (form, case): (got, expected)\n" + "\n".join(map(repr, wrong.items()))
    assert set(got) == set(want)


def test_both_engines_give_the_same_values(shown):
    assert shown["duckdb"] == shown["spark"]
