"""Set up Apache Superset on the published warehouse, from the assets kept in superset/assets/.

Run with Superset's own interpreter (.venv-superset/bin/python), as `make superset` does:

    setup_superset.py --warehouse warehouse/jsi.duckdb --manifest target/manifest.json \
        --home target/superset [--serve 8088]

1. Builds the import bundle: the YAML of superset/assets/ with the warehouse registered read-only
   (an absolute duckdb:/// URI with access_mode=read_only) and each dataset's columns taken from
   the dbt contract of its model (name, type, description), so Superset shows the dbt docs and a
   column renamed in dbt cannot drift silently: a dataset whose model is missing stops the setup.
   A dataset's `column_labels` (column -> the heading people see) and `calculated_columns` (a
   label computed from a code column) come from its YAML; a label for a column the model lacks
   stops the setup too.
2. Creates or upgrades Superset's metadata database in --home, the admin user, the roles, and
   imports the bundle as assets (overwriting the database, datasets, charts and dashboard of an
   earlier import, matched by UUID; `superset import-dashboards` would keep old charts and datasets).
3. With --serve PORT, starts Superset (gunicorn) on 127.0.0.1:PORT in the foreground.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ASSETS = HERE / "assets"
BUNDLE_ROOT = "jsi_superset_bundle"
ACRONYMS = {"sdg": "SDG", "jsi": "JSI", "jfj": "JFJ", "id": "ID", "iso": "ISO"}
TEMPORAL_TYPES = ("date", "timestamp", "timestamptz", "timestamp with time zone", "datetime")


class SetupError(Exception):
    """A problem with the assets, the manifest or the warehouse, said in one sentence."""


def warehouse_uri(warehouse: Path) -> str:
    """The SQLAlchemy URI of the warehouse for duckdb-engine, read-only."""
    return f"duckdb:///{warehouse.resolve()}?access_mode=read_only"


def column_label(name: str) -> str:
    """The heading Superset shows for a column: its dbt name in words (country_code -> Country code)."""
    words = [ACRONYMS.get(word, word) for word in name.split("_") if word]
    text = " ".join(words)
    return text[:1].upper() + text[1:]


def model_columns(manifest: dict, schema: str, table: str) -> list[dict]:
    """The columns of the dbt model published as schema.table, as Superset dataset columns."""
    for node in manifest["nodes"].values():
        if node.get("resource_type") != "model":
            continue
        if node.get("schema") == schema and (node.get("alias") or node.get("name")) == table:
            columns = []
            for column in node["columns"].values():
                data_type = (column.get("data_type") or "").lower()
                if not data_type:
                    raise SetupError(f"column {schema}.{table}.{column['name']} has no data_type in its dbt contract")
                columns.append(
                    {
                        "column_name": column["name"],
                        "type": data_type.upper(),
                        "description": column.get("description") or None,
                        "is_dttm": data_type in TEMPORAL_TYPES,
                        "is_active": True,
                        "groupby": True,
                        "filterable": True,
                        "expression": None,
                        "verbose_name": column_label(column["name"]),
                        "python_date_format": None,
                        "extra": {},
                    }
                )
            if not columns:
                raise SetupError(f"model {node['unique_id']} ({schema}.{table}) documents no columns")
            return columns
    raise SetupError(f"no dbt model is published as {schema}.{table} (a Superset dataset in superset/assets names it)")


def dataset_columns(config: dict, columns: list[dict]) -> list[dict]:
    """The model's columns with the headings the dataset's YAML gives them (`column_labels`), then
    its calculated columns (`calculated_columns`); both keys leave the bundle (Superset knows neither)."""
    labels = config.pop("column_labels", None) or {}
    calculated = config.pop("calculated_columns", None) or []
    names = {c["column_name"] for c in columns}
    unknown = sorted(set(labels) - names)
    if unknown:
        raise SetupError(f"{config['schema']}.{config['table_name']}: column_labels name columns the model lacks: {', '.join(unknown)}")
    for column in columns:
        column["verbose_name"] = labels.get(column["column_name"], column["verbose_name"])
    for extra in calculated:
        if extra["column_name"] in names:
            raise SetupError(f"{config['schema']}.{config['table_name']}: calculated column {extra['column_name']} is already a column of the model")
        columns.append(
            {
                "column_name": extra["column_name"],
                "type": extra["type"],
                "description": extra.get("description"),
                "is_dttm": False,
                "is_active": True,
                "groupby": True,
                "filterable": True,
                "expression": extra["expression"],
                "verbose_name": extra["verbose_name"],
                "python_date_format": None,
                "extra": {},
            }
        )
    return columns


def bundle_files(warehouse: Path, manifest: dict, assets: Path = ASSETS) -> dict[str, str]:
    """Every file of the import bundle (path inside the bundle -> YAML text)."""
    files: dict[str, str] = {}
    for path in sorted(assets.rglob("*.yaml")):
        relative = path.relative_to(assets).as_posix()
        config = yaml.safe_load(path.read_text(encoding="utf-8"))
        if relative.startswith("databases/"):
            config["sqlalchemy_uri"] = warehouse_uri(warehouse)
        elif relative.startswith("datasets/"):
            config["columns"] = dataset_columns(config, model_columns(manifest, config["schema"], config["table_name"]))
            names = {c["column_name"] for c in config["columns"]}
            if config.get("main_dttm_col") and config["main_dttm_col"] not in names:
                raise SetupError(f"{relative}: main_dttm_col {config['main_dttm_col']} is not a column of the model")
        files[f"{BUNDLE_ROOT}/{relative}"] = yaml.safe_dump(config, sort_keys=False, allow_unicode=True)
    return files


def write_bundle(files: dict[str, str], out: Path) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as bundle:
        for name, text in files.items():
            bundle.writestr(name, text)
    return out


# Run by Superset's interpreter in its app context: import the bundle, overwriting every asset.
IMPORT_ASSETS = """
import sys, zipfile
from superset.app import create_app
app = create_app()
with app.app_context():
    from superset import security_manager
    from superset.commands.importers.v1.assets import ImportAssetsCommand
    from superset.commands.importers.v1.utils import get_contents_from_bundle
    from superset.utils.core import override_user
    with zipfile.ZipFile(sys.argv[1]) as bundle:
        contents = get_contents_from_bundle(bundle)
    with override_user(security_manager.find_user(username=sys.argv[2])):
        ImportAssetsCommand(contents).run()
"""


def superset_env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "SUPERSET_CONFIG_PATH": str(HERE / "superset_config.py"),
            "JSI_SUPERSET_HOME": str(home),
            "FLASK_APP": "superset.app:create_app()",
            "SUPERSET_LOAD_EXAMPLES": "no",
            "PYTHONUNBUFFERED": "1",
        }
    )
    return env


def superset(args: list[str], home: Path, command: list[str] | None = None) -> None:
    """Run one `superset` command (or `command`) with the project's configuration; stop on failure."""
    command = command or [str(Path(sys.executable).parent / "superset"), *args]
    result = subprocess.run(command, env=superset_env(home), capture_output=True, text=True)
    if result.returncode != 0:
        raise SetupError(f"`superset {' '.join(args[:2])}` failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")


def set_up(warehouse: Path, manifest_path: Path, home: Path, user: str, password: str, assets: Path = ASSETS) -> Path:
    if not warehouse.is_file():
        raise SetupError(f"no warehouse at {warehouse}: run make build")
    if not manifest_path.is_file():
        raise SetupError(f"no dbt manifest at {manifest_path}: run dbt parse")
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    home.mkdir(parents=True, exist_ok=True)
    bundle = write_bundle(bundle_files(warehouse, manifest, assets), home / "jsi_superset_bundle.zip")
    superset(["db", "upgrade"], home)
    superset(["fab", "create-admin", "--username", user, "--firstname", "JSI", "--lastname", "Analyst",
              "--email", f"{user}@localhost", "--password", password], home)
    superset(["init"], home)
    superset(["import", "assets"], home, command=[sys.executable, "-c", IMPORT_ASSETS, str(bundle), user])
    return bundle


def serve(home: Path, port: int) -> None:
    """Replace this process with Superset's web server on 127.0.0.1:port."""
    gunicorn = str(Path(sys.executable).parent / "gunicorn")
    os.execve(gunicorn, [gunicorn, "--bind", f"127.0.0.1:{port}", "--workers", "2", "--threads", "4",
                         "--timeout", "120", "--access-logfile", "-", "superset.app:create_app()"],
              superset_env(home))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--warehouse", type=Path, required=True)
    parser.add_argument("--manifest", type=Path, required=True)
    parser.add_argument("--home", type=Path, required=True, help="Superset's metadata database and secret key")
    parser.add_argument("--user", default=os.environ.get("JSI_SUPERSET_USER", "admin"))
    parser.add_argument("--password", default=os.environ.get("JSI_SUPERSET_PASSWORD", "admin"))
    parser.add_argument("--assets", type=Path, default=ASSETS, help="the asset YAML to import (default superset/assets)")
    parser.add_argument("--serve", type=int, metavar="PORT", help="then serve Superset on 127.0.0.1:PORT")
    args = parser.parse_args()
    home = args.home.resolve()
    try:
        bundle = set_up(args.warehouse, args.manifest, home, args.user, args.password, args.assets)
    except SetupError as error:
        print(f"superset setup: {error}", file=sys.stderr)
        return 1
    print(f"superset: imported {bundle} into {home / 'superset.db'} (warehouse {args.warehouse.resolve()}, read-only)")
    if args.serve:
        print(f"superset: http://127.0.0.1:{args.serve}/superset/dashboard/jsi-overview/ (user {args.user})")
        serve(home, args.serve)
    return 0


if __name__ == "__main__":
    sys.exit(main())
