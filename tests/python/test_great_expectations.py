"""Great Expectations suites (tests/python/gx_suites.py) against a built warehouse, read-only.

By default the warehouse built end to end by this test session is validated; set
JSI_QUALITY_WAREHOUSE to validate another file (``make quality`` points it at the published
warehouse). Data Docs HTML is written to gx_data_docs/ (git-ignored).
"""

from __future__ import annotations

import os
from pathlib import Path

import duckdb
import pytest

from conftest import PROJECT_ROOT
from gx_suites import run_suites, suites

DOCS_DIR = PROJECT_ROOT / "gx_data_docs"


@pytest.fixture(scope="module")
def quality_con(request):
    path = os.environ.get("JSI_QUALITY_WAREHOUSE")
    if path:
        assert Path(path).exists(), f"JSI_QUALITY_WAREHOUSE={path} does not exist; run make build first"
        con = duckdb.connect(path, read_only=True)
    else:
        con = request.getfixturevalue("warehouse_con")
    yield con


@pytest.fixture(scope="module")
def results(quality_con):
    return run_suites(quality_con, docs_dir=DOCS_DIR)


@pytest.mark.parametrize("suite_name", [s.name for s in suites()])
def test_suite_passes(results, suite_name):
    result = results[suite_name]
    failed = [
        f"{r.expectation_config.type} {r.expectation_config.kwargs.get('column', '')}: {r.result}"
        for r in result.results
        if not r.success
    ]
    assert result.success, "\n".join(failed)


def test_data_docs_written(results):
    index = list(DOCS_DIR.rglob("index.html"))
    assert index, f"no Data Docs index under {DOCS_DIR}"


def test_suites_catch_bad_data():
    """The suites can fail: a frame with an unknown category and an out-of-period date fails."""
    con = duckdb.connect()
    con.execute("create schema core")
    con.execute(
        """
        create table core.fct_incidents as
        select 'e1' as event_id, 'alien_abduction' as category_code, 'A' as sdg_violation_code,
               date '2031-01-01' as event_date, 2020 as period_year, 2031 as event_year,
               1 as victim_count, false as is_historical, 'day' as date_precision, 'report' as source_id
        """
    )
    con.execute("create table core.dim_sources as select 'report' as source_id, 'assessment_report' as source_kind")
    suite = next(s for s in suites() if s.name == "core_fct_incidents")
    import great_expectations as gx

    context = gx.get_context(mode="ephemeral")
    source = context.data_sources.add_pandas(name="probe")
    batch = source.add_dataframe_asset(name="probe").add_batch_definition_whole_dataframe("all")
    gx_suite = context.suites.add(gx.ExpectationSuite(name="probe"))
    for expectation in suite.expectations:
        gx_suite.add_expectation(expectation)
    definition = context.validation_definitions.add(gx.ValidationDefinition(name="probe", data=batch, suite=gx_suite))
    result = definition.run(batch_parameters={"dataframe": con.execute(suite.query).df()})
    failed = {r.expectation_config.type for r in result.results if not r.success}
    assert not result.success
    assert "expect_column_values_to_be_in_set" in failed
    assert "expect_column_values_to_be_between" in failed
