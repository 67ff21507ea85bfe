"""Checks of the project's own graph, read from dbt's manifest (target/manifest.json): the rules
dbt Labs' project evaluator applies that fit this project, kept as plain functions so that the
pytest and a developer at the shell run the same code (`python tests/python/project_graph.py`)."""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

MAX_PARENTS = 7
KEY_TESTS = {"unique", "not_null", "not_null_columns", "unique_combination_of_columns"}


def load_manifest(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def project_models(manifest: dict) -> dict[str, dict]:
    project = manifest["metadata"].get("project_name")
    return {
        uid: node
        for uid, node in manifest["nodes"].items()
        if node["resource_type"] == "model" and node["package_name"] == (project or node["package_name"])
    }


def models_without_primary_key_test(manifest: dict) -> list[str]:
    """A model has a primary-key test when one column has both `unique` and a not-null check (the
    model's `not_null_columns` test naming it, dbt's `not_null` test, or a not_null constraint of
    the model's enforced contract, which the database checks on every write), or the model has a
    `unique_combination_of_columns` test."""
    unique_cols: dict[str, set] = defaultdict(set)
    not_null_cols: dict[str, set] = defaultdict(set)
    combination: set[str] = set()
    for node in manifest["nodes"].values():
        if node["resource_type"] != "test" or not node.get("test_metadata"):
            continue
        name = node["test_metadata"]["name"]
        if name not in KEY_TESTS:
            continue
        attached = node.get("attached_node") or (node["depends_on"]["nodes"] or [None])[-1]
        column = node.get("column_name")
        if name == "unique_combination_of_columns":
            combination.add(attached)
        elif name == "unique":
            unique_cols[attached].add(column)
        elif name == "not_null_columns":
            arguments = node["test_metadata"].get("kwargs") or {}
            not_null_cols[attached].update(arguments.get("column_names") or [])
        else:
            not_null_cols[attached].add(column)
    models = project_models(manifest)
    for uid, node in models.items():
        if ((node.get("config") or {}).get("contract") or {}).get("enforced"):
            for column, spec in (node.get("columns") or {}).items():
                if any(c.get("type") == "not_null" for c in spec.get("constraints") or []):
                    not_null_cols[uid].add(column)
    keyed = {uid for uid in models if uid in combination or unique_cols[uid] & not_null_cols[uid]}
    # a thin view (a where over one table, config.meta.key_tested_on) keeps its table's key when
    # that table is its only parent and is keyed itself
    for uid, node in models.items():
        table = ((node.get("config") or {}).get("meta") or {}).get("key_tested_on")
        parents = node["depends_on"]["nodes"]
        if table and [p.split(".")[-1] for p in parents] == [table] and parents[0] in keyed:
            keyed.add(uid)
    return sorted(node["name"] for uid, node in models.items() if uid not in keyed)


def staging_models_that_ref_models(manifest: dict) -> list[str]:
    """Staging reads its source or seed only: no staging model (in staging/, or a monitor's stg_
    model in monitors/<monitor>/) depends on another model."""
    found = []
    for node in project_models(manifest).values():
        if node["fqn"][1:2] != ["staging"] and not node["name"].startswith("stg_"):
            continue
        parents = [p for p in node["depends_on"]["nodes"] if p.startswith("model.")]
        if parents:
            found.append(f"{node['name']} -> {', '.join(sorted(p.split('.')[-1] for p in parents))}")
    return sorted(found)


def models_with_too_many_parents(manifest: dict, limit: int = MAX_PARENTS) -> list[str]:
    """Direct parents are the models, seeds and sources a model reads."""
    found = []
    for node in project_models(manifest).values():
        parents = {p for p in node["depends_on"]["nodes"] if p.split(".")[0] in {"model", "seed", "source", "snapshot"}}
        if len(parents) > limit:
            found.append(f"{node['name']} ({len(parents)} parents)")
    return sorted(found)


# Rejoins made on purpose, as dbt project evaluator's exceptions seed lists them: (model, the
# intermediate parent it rejoins) -> why.
REJOIN_EXCEPTIONS = {
    ("int_victim_appearances", "int_person_names__sex"):
        "a lookup decided over every name of a country at once (the name-convention rule for a "
        "person's sex, unit-tested on its own) and joined back to each appearance",
    ("fct_deprivations_of_liberty", "int_custody_person_links"):
        "a lookup decided over every name of the countries with persons in custody at once (which "
        "person of the records a person in custody is, unit-tested on its own) and joined back to "
        "each deprivation",
}


def rejoined_upstream_concepts(manifest: dict, exceptions: dict | None = None) -> list[str]:
    """A model C that reads B and also B's parent A, where B is an intermediate model whose only
    child is C: B's logic belongs in C, or A's columns should come through B (dbt project
    evaluator: rejoining of upstream concepts). Vocabularies and reference lists (staging of
    seeds) are lookups that any model may join for labels or a full grid, so A is a model outside
    staging; a published fact (core) with one child is a product, not a step, so B is intermediate."""
    models = project_models(manifest)
    children: dict[str, set] = defaultdict(set)
    for uid, node in manifest["nodes"].items():
        if node["resource_type"] == "model":
            for parent in node["depends_on"]["nodes"]:
                children[parent].add(uid)
    found = []
    for uid, node in models.items():
        parents = set(node["depends_on"]["nodes"])
        for parent in parents:
            if parent not in models or children[parent] != {uid} or models[parent]["fqn"][1:2] != ["intermediate"]:
                continue
            if (node["name"], models[parent]["name"]) in (REJOIN_EXCEPTIONS if exceptions is None else exceptions):
                continue
            for grandparent in set(models[parent]["depends_on"]["nodes"]) & parents:
                if grandparent not in models or models[grandparent]["fqn"][1:2] == ["staging"]:
                    continue
                found.append(f"{node['name']} reads {models[parent]['name']} and its parent {grandparent.split('.')[-1]}")
    return sorted(found)


def graph_signature(manifest: dict) -> dict[str, list[str]]:
    """Every node and source with its parents: the lineage that docs and tools see."""
    signature = {
        uid: sorted(node["depends_on"].get("nodes", []))
        for uid, node in manifest["nodes"].items()
        if node["resource_type"] in {"model", "seed", "test", "snapshot"}
    }
    signature.update({uid: [] for uid in manifest["sources"]})
    signature.update({uid: sorted(e["depends_on"]["nodes"]) for uid, e in manifest["exposures"].items()})
    return signature


def exposure_parents_not_public(manifest: dict) -> list[str]:
    """Models an exposure depends on must be `access: public` with an enforced contract."""
    found = []
    for exposure in manifest["exposures"].values():
        for uid in exposure["depends_on"]["nodes"]:
            node = manifest["nodes"].get(uid)
            if not node or node["resource_type"] != "model":
                continue
            if node.get("access") != "public" or not node["config"]["contract"]["enforced"]:
                found.append(f"{exposure['name']} -> {node['name']}")
    return sorted(set(found))


if __name__ == "__main__":
    manifest = load_manifest(Path(sys.argv[1] if len(sys.argv) > 1 else "target/manifest.json"))
    for title, problems in [
        ("models without a primary-key test", models_without_primary_key_test(manifest)),
        ("staging models that ref another model", staging_models_that_ref_models(manifest)),
        (f"models with more than {MAX_PARENTS} parents", models_with_too_many_parents(manifest)),
        ("models that rejoin an upstream concept", rejoined_upstream_concepts(manifest)),
        ("exposure parents not public with an enforced contract", exposure_parents_not_public(manifest)),
    ]:
        print(f"{title}: {len(problems)}")
        for problem in problems:
            print(f"  {problem}")
