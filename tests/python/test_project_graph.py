"""The project's graph passes the checks of dbt Labs' project evaluator that fit it (see
project_graph.py): a primary-key test on every model, staging that reads only its source, at most
seven parents, no rejoined upstream concept, public contracts under the exposures, and one graph
whatever the environment. A local package that ships a seed builds beside the project."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import project_graph as graph
from conftest import copy_project, run


def parse(root: Path, tmp: Path, extra_env: dict | None = None) -> dict:
    result = run(["dbt", "parse", "--no-partial-parse"], cwd=root, warehouse=tmp / "parse.duckdb", extra_env=extra_env)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    return graph.load_manifest(root / "target" / "manifest.json")


@pytest.fixture(scope="module")
def manifests(tmp_path_factory) -> tuple[dict, dict]:
    """The manifest parsed without, then with, an external register configured."""
    tmp = tmp_path_factory.mktemp("graph")
    root = copy_project(tmp / "project")
    plain = parse(root, tmp)
    register = tmp / "register"
    register.mkdir()
    with_register = parse(root, tmp, {"JSI_EXTERNAL_REGISTER": str(register)})
    return plain, with_register


def test_every_model_has_a_primary_key_test(manifests):
    assert graph.models_without_primary_key_test(manifests[0]) == []


def test_staging_reads_only_its_source(manifests):
    assert graph.staging_models_that_ref_models(manifests[0]) == []


def test_no_model_has_more_than_seven_parents(manifests):
    assert graph.models_with_too_many_parents(manifests[0]) == []


def test_no_model_rejoins_an_upstream_concept(manifests):
    assert graph.rejoined_upstream_concepts(manifests[0]) == []


def test_exposures_read_public_models_with_enforced_contracts(manifests):
    assert graph.exposure_parents_not_public(manifests[0]) == []


def test_the_graph_does_not_depend_on_the_environment(manifests):
    plain, with_register = manifests
    assert graph.graph_signature(plain) == graph.graph_signature(with_register)
    register_staging = [
        node for node in plain["nodes"].values()
        if node["resource_type"] == "model" and node["name"].startswith("stg_assessment__")
        and any(p.startswith("source.jsi_warehouse.external_register.") for p in node["depends_on"]["nodes"])
    ]
    assert len(register_staging) == 4


def fake_manifest() -> dict:
    """A small graph that breaks every rule once."""
    def model(name, folder, parents, access="protected", enforced=False):
        return {
            "resource_type": "model", "package_name": "p", "name": name, "fqn": ["p", folder, name],
            "depends_on": {"nodes": [f"model.p.{x}" if not x.startswith("seed.") else x for x in parents]},
            "access": access, "config": {"contract": {"enforced": enforced}},
        }

    def test(name, kind, model_name, column=None, **kwargs):
        return {
            "resource_type": "test", "package_name": "p", "name": name, "column_name": column,
            "test_metadata": {"name": kind, "kwargs": kwargs}, "attached_node": f"model.p.{model_name}",
            "depends_on": {"nodes": [f"model.p.{model_name}"]},
        }

    nodes = {
        "model.p.stg_a": model("stg_a", "staging", ["seed.p.raw_a"]),
        "model.p.stg_b": model("stg_b", "staging", ["stg_a"]),
        "model.p.int_a": model("int_a", "intermediate", ["stg_a"]),
        "model.p.int_b": model("int_b", "intermediate", ["int_a"]),
        "model.p.int_c": model("int_c", "intermediate", ["int_b", "int_a"]),
        "model.p.fct_wide": model("fct_wide", "marts", [f"stg_{i}" for i in "abcdefgh"]),
        "model.p.fct_ok": model("fct_ok", "marts", ["int_c"], access="public", enforced=True),
        # keyed by a unique test and its contract's not_null constraint; the same constraint
        # without an enforced contract is not a key
        "model.p.fct_con": dict(model("fct_con", "marts", ["int_c"], enforced=True),
                                columns={"id": {"constraints": [{"type": "not_null"}]}}),
        "model.p.int_d": dict(model("int_d", "intermediate", ["int_c"]),
                              columns={"id": {"constraints": [{"type": "not_null"}]}}),
        # thin views: one over a keyed table, one naming a table that is not its parent
        "model.p.view_ok": dict(model("view_ok", "marts", ["fct_ok"]), config={"meta": {"key_tested_on": "fct_ok"}}),
        "model.p.view_bad": dict(model("view_bad", "marts", ["int_c"]), config={"meta": {"key_tested_on": "fct_ok"}}),
        "test.p.u": test("u", "unique", "fct_ok", "id"),
        "test.p.n": test("n", "not_null", "fct_ok", "id"),
        "test.p.u2": test("u2", "unique", "int_a", "id"),
        "test.p.c": test("c", "unique_combination_of_columns", "int_c"),
        "test.p.u3": test("u3", "unique", "fct_con", "id"),
        "test.p.u4": test("u4", "unique", "int_d", "id"),
        # keyed by a unique test and a not_null_columns test naming the column; one naming other
        # columns is not a key
        "model.p.int_e": model("int_e", "intermediate", ["int_c"]),
        "model.p.int_f": model("int_f", "intermediate", ["int_c"]),
        "test.p.u5": test("u5", "unique", "int_e", "id"),
        "test.p.n5": test("n5", "not_null_columns", "int_e", column_names=["name", "id"]),
        "test.p.u6": test("u6", "unique", "int_f", "id"),
        "test.p.n6": test("n6", "not_null_columns", "int_f", column_names=["name"]),
    }
    return {
        "metadata": {"project_name": "p"},
        "nodes": nodes,
        "sources": {},
        "exposures": {"e": {"name": "e", "depends_on": {"nodes": ["model.p.fct_ok", "model.p.fct_wide"]}}},
    }


def test_the_checks_catch_what_they_look_for():
    manifest = fake_manifest()
    # int_a has unique without not_null: no primary key
    assert graph.models_without_primary_key_test(manifest) == ["fct_wide", "int_a", "int_b", "int_d", "int_f", "stg_a", "stg_b", "view_bad"]
    assert graph.staging_models_that_ref_models(manifest) == ["stg_b -> stg_a"]
    assert graph.models_with_too_many_parents(manifest) == ["fct_wide (8 parents)"]
    assert graph.rejoined_upstream_concepts(manifest) == ["int_c reads int_b and its parent int_a"]
    # a listed exception is the one rejoin let through
    assert graph.rejoined_upstream_concepts(manifest, {("int_c", "int_b"): "on purpose"}) == []
    assert graph.exposure_parents_not_public(manifest) == ["e -> fct_wide"]


PACKAGE_PROJECT = """name: demo_package
version: "1.0.0"
config-version: 2
profile: jsi
seed-paths: ["seeds"]
model-paths: ["models"]
"""


def test_a_local_package_with_a_seed_builds_beside_the_project(tmp_path):
    """The seed validation checks this project's seeds only; a package's seed (with its own
    columns, at a path relative to the package) does not break the build."""
    root = copy_project(tmp_path / "project")
    package = tmp_path / "demo_package"
    (package / "seeds").mkdir(parents=True)
    (package / "models").mkdir()
    (package / "dbt_project.yml").write_text(PACKAGE_PROJECT, encoding="utf-8")
    (package / "seeds" / "demo_codes.csv").write_text("code,label\na,Alpha\nb,Beta\n", encoding="utf-8")
    (package / "models" / "demo_labels.sql").write_text("select code, label from {{ ref('demo_codes') }}\n", encoding="utf-8")
    (root / "packages.yml").write_text(f"packages:\n  - local: {package}\n", encoding="utf-8")
    warehouse = root / "warehouse" / "jsi.duckdb"
    result = run(["make", "build"], cwd=root, warehouse=warehouse)
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr[-3000:]
    import duckdb

    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        tables = {r[0] for r in con.execute("select table_name from information_schema.tables").fetchall()}
    finally:
        con.close()
    assert {"demo_codes", "demo_labels"} <= tables
