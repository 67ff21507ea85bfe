"""Size and shape of the project, read from dbt's manifest: how many models, seeds, data and unit
tests; how many edges go from an intermediate model to a mart (the house says none); how many
model hops and files lie between a seed and a mart; YAML and SQL lines.

    .venv/bin/dbt parse --no-partial-parse && .venv/bin/python tools/graph_metrics.py
    .venv/bin/python tools/graph_metrics.py --project /path/to/another/checkout   # after its dbt parse

The path measured is the longest chain of models from --seed to --mart (default: the report's
incident seed to the SDG 16.10.1 table, the chain behind its KZ 2020 D cell); files are the distinct
SQL, YAML, seed and project macro files of every node upstream of the mart.
"""

from __future__ import annotations

import argparse
import json
import subprocess
from pathlib import Path


def chain(nodes: dict, seed: str, mart: str) -> list[str]:
    """The longest chain of models from the seed to the mart, by name."""
    memo: dict[str, list[str] | None] = {}

    def longest(uid: str) -> list[str] | None:
        if uid == seed:
            return [nodes[uid]["name"]]
        if uid in memo:
            return memo[uid]
        memo[uid] = None
        node = nodes.get(uid)
        if node is None or node["resource_type"] != "model":
            return None
        paths = [p for p in (longest(parent) for parent in node["depends_on"]["nodes"]) if p]
        memo[uid] = max(paths, key=len) + [node["name"]] if paths else None
        return memo[uid]

    return longest(mart) or []


def upstream_files(manifest: dict, mart: str) -> set[str]:
    nodes = {**manifest["nodes"], **manifest["sources"]}
    macros = manifest["macros"]
    project = manifest["metadata"]["project_name"]
    seen: set[str] = set()
    files: set[str] = set()
    stack = [mart]
    while stack:
        uid = stack.pop()
        if uid in seen or uid not in nodes:
            continue
        seen.add(uid)
        node = nodes[uid]
        files.add(node["original_file_path"])
        if node.get("patch_path"):
            files.add(node["patch_path"].split("://")[-1])
        stack += node.get("depends_on", {}).get("nodes", [])
        pending = list(node.get("depends_on", {}).get("macros", []))
        while pending:
            macro = macros.get(pending.pop())
            if macro and macro["package_name"] == project and macro["original_file_path"] not in files:
                files.add(macro["original_file_path"])
                pending += macro["depends_on"]["macros"]
    return files


def line_count(root: Path, extension: str) -> int:
    tracked = subprocess.run(["git", "ls-files", f"*.{extension}"], cwd=root, capture_output=True, text=True, check=True).stdout.split()
    kept = [f for f in tracked if f.startswith(("models/", "macros/", "tests/dbt/", "seeds/")) and not f.startswith("seeds/external/")]
    return sum((root / f).read_text(encoding="utf-8").count("\n") for f in kept)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--project", type=Path, default=Path(__file__).resolve().parents[1])
    parser.add_argument("--seed", default="raw_incident_events")
    parser.add_argument("--mart", default="sdg_16_10_1")
    args = parser.parse_args()
    manifest = json.loads((args.project / "target" / "manifest.json").read_text(encoding="utf-8"))
    project = manifest["metadata"]["project_name"]
    nodes = {uid: n for uid, n in manifest["nodes"].items() if n["package_name"] == project}
    models = {uid: n for uid, n in nodes.items() if n["resource_type"] == "model"}
    layer = lambda n: n["original_file_path"].split("/")[1]  # noqa: E731
    back = [(n["name"], models[p]["name"]) for n in models.values() if layer(n) == "intermediate"
            for p in n["depends_on"]["nodes"] if p in models and layer(models[p]) == "marts"]
    seed = next(uid for uid, n in nodes.items() if n["resource_type"] == "seed" and n["name"] == args.seed)
    mart = next(uid for uid, n in models.items() if n["name"] == args.mart)
    path = chain(manifest["nodes"], seed, mart)
    files = upstream_files(manifest, mart)
    report = {
        "models": len(models),
        "seeds": sum(n["resource_type"] == "seed" for n in nodes.values()),
        "data tests": sum(n["resource_type"] == "test" for n in nodes.values()),
        "unit tests": len(manifest.get("unit_tests", {})),
        "intermediate -> mart edges": len(back),
        f"model hops {args.seed} -> {args.mart}": len(path) - 1,
        f"files upstream of {args.mart}": len(files),
        "YAML lines": line_count(args.project, "yml"),
        "SQL lines": line_count(args.project, "sql"),
    }
    for key, value in report.items():
        print(f"{key}: {value}")
    print("chain: " + " -> ".join(path))
    for child, parent in back:
        print(f"intermediate -> mart: {child} reads {parent}")


if __name__ == "__main__":
    main()
