"""Write the public dataset: every table of the warehouse's `public` schema as CSV and Parquet, and
a data dictionary (Markdown and CSV) generated from the dbt docs of those models.

    python -m jsi_apps.export --warehouse warehouse/jsi.duckdb \
        --manifest target/manifest.json --out export/public

Only the `public` schema is exported: it is where the confidentiality rule has been applied
(ref_confidentiality_rules, ref_confidentiality_decisions) and small cells suppressed. The
warehouse is opened read-only (warehouse.connect), for the export only.
"""

from __future__ import annotations

import argparse
import csv
import json
from pathlib import Path

from jsi_apps import safe_csv
from jsi_apps.warehouse import connect

SCHEMA = "public"


def public_models(manifest: dict) -> dict[str, dict]:
    """The dbt models built into the public schema, by table name (their alias)."""
    return {
        node["alias"]: node
        for node in manifest["nodes"].values()
        if node["resource_type"] == "model" and node["fqn"][1:3] == ["marts", "public"]
    }


def dictionary_rows(models: dict[str, dict], types: dict[tuple[str, str], str]) -> list[dict[str, str]]:
    rows = []
    for table, node in sorted(models.items()):
        for column in node["columns"].values():
            rows.append({
                "table": table,
                "column": column["name"],
                "type": types.get((table, column["name"]), column.get("data_type") or ""),
                "description": " ".join(column.get("description", "").split()),
            })
    return rows


def dictionary_markdown(models: dict[str, dict], rows: list[dict[str, str]], attribution: list[tuple[str, str]]) -> str:
    lines = ["# Public dataset: data dictionary", "",
             "Generated from the dbt docs of the warehouse by jsi_apps/export.py.", ""]
    for table, node in sorted(models.items()):
        lines += [f"## {table}", "", " ".join(node.get("description", "").split()), "",
                  f"Files: `{table}.csv`, `{table}.parquet`.", "", "| Column | Type | Description |", "|---|---|---|"]
        lines += [f"| {r['column']} | {r['type']} | {r['description'].replace('|', '/')} |" for r in rows if r["table"] == table]
        lines.append("")
    lines += ["## Sources and attribution", ""] + [f"- **{source}**: {text}" for source, text in attribution]
    return "\n".join(lines) + "\n"


def export(warehouse: Path, manifest_path: Path, out: Path) -> list[Path]:
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    models = public_models(manifest)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with connect(warehouse) as con:
        tables = [r[0] for r in con.execute(
            "select table_name from information_schema.tables where table_schema = ? order by 1", [SCHEMA]).fetchall()]
        missing = sorted(set(models) - set(tables))
        if missing:
            raise SystemExit(f"{warehouse}: public tables missing: {', '.join(missing)} (run make build)")
        columns = con.execute(
            "select table_name, column_name, data_type from information_schema.columns where table_schema = ?"
            " order by table_name, ordinal_position", [SCHEMA]).fetchall()
        types = {(t, c): d.lower() for t, c, d in columns}
        for table in tables:
            # the CSV's text cells follow the rule against CSV injection (safe_csv); Parquet keeps the values
            quoted = [(f'"{c}"', d.lower()) for t, c, d in columns if t == table]
            csv_select = ", ".join(f"{safe_csv.sql_cell(q)} as {q}" if d == "varchar" else q for q, d in quoted)
            for suffix, select, options in [("csv", csv_select, "format csv, header true"), ("parquet", "*", "format parquet")]:
                path = out / f"{table}.{suffix}"
                con.execute(f"copy (select {select} from {SCHEMA}.{table}) to '{path}' ({options})")
                written.append(path)
        attribution = con.execute(
            "select source_id, licence_and_attribution from core.dim_sources order by source_id").fetchall()
    rows = dictionary_rows({t: models[t] for t in tables if t in models}, types)
    with (out / "data_dictionary.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=["table", "column", "type", "description"], lineterminator="\n")
        writer.writeheader()
        writer.writerows([{key: safe_csv.cell(value) for key, value in row.items()} for row in rows])
    (out / "data_dictionary.md").write_text(
        dictionary_markdown({t: models[t] for t in tables if t in models}, rows, attribution), encoding="utf-8")
    return written + [out / "data_dictionary.csv", out / "data_dictionary.md"]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--warehouse", type=Path, required=True)
    parser.add_argument("--manifest", type=Path, default=Path("target/manifest.json"))
    parser.add_argument("--out", type=Path, default=Path("export/public"))
    args = parser.parse_args(argv)
    if not args.warehouse.is_file():
        raise SystemExit(f"no warehouse at {args.warehouse}: run make build")
    for path in export(args.warehouse, args.manifest, args.out):
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
