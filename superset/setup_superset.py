"""Set up Apache Superset on the published warehouse, from the assets kept in superset/assets/.

Run with Superset's own interpreter (.venv-superset/bin/python), as `make superset` does:

    setup_superset.py --warehouse warehouse/jsi.duckdb --manifest target/manifest.json \
        --home target/superset [--serve 8088]

1. Builds the import bundle: the YAML of superset/assets/ with the warehouse registered read-only
   and without access to any other file (an absolute duckdb:/// URI whose DuckDB settings say
   read_only, enable_external_access=false and lock_configuration=true) and each dataset's columns taken from
   the dbt contract of its model (name, type, description), so Superset shows the dbt docs and a
   column renamed in dbt cannot drift silently: a dataset whose model is missing stops the setup.
   A dataset's `column_labels` (column -> the heading people see) and `calculated_columns` (a
   label computed from a code column) come from its YAML; a label for a column the model lacks
   stops the setup too. A dataset reads a table of the public schema (where the confidentiality
   rule is applied) or one of the aggregates of AGGREGATES; any other stops the setup.
2. Creates or upgrades Superset's metadata database in --home, the roles (without SQL Lab,
   superset_config.py), the admin user with its password (JSI_SUPERSET_PASSWORD, or one generated
   and kept in --home/admin_password, readable by its owner only), and
   imports the bundle as assets (overwriting the database, datasets, charts and dashboard of an
   earlier import, matched by UUID; `superset import-dashboards` would keep old charts and datasets).
3. With --serve PORT, starts Superset (gunicorn) on 127.0.0.1:PORT in the foreground.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
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


# DuckDB settings of every connection Superset opens to the warehouse. duckdb-engine passes the
# URI's query to duckdb.connect(config=...), so they hold from the connection's first statement:
# the file is read-only; no other file can be read, written or attached and no extension installed
# or loaded (read_text, read_csv, COPY ... TO, ATTACH, INSTALL: "file system operations are
# disabled by configuration"); and no statement can change a setting back (SET is refused).
DUCKDB_SETTINGS = {
    "access_mode": "read_only",
    "enable_external_access": "false",
    "autoinstall_known_extensions": "false",
    "autoload_known_extensions": "false",
    "lock_configuration": "true",
}


def warehouse_uri(warehouse: Path) -> str:
    """The SQLAlchemy URI of the warehouse for duckdb-engine: read-only, no file access."""
    return f"duckdb:///{warehouse.resolve()}?" + "&".join(f"{key}={value}" for key, value in DUCKDB_SETTINGS.items())


# A dataset reads the public schema, where the confidentiality rule is applied (a withheld name,
# summary or locator reads withheld): public.incident_register, public.indicator_scorecard, ...
PUBLIC_SCHEMA = "public"
# ... or one of these aggregates of marts, which the rule need not cover: counts by country,
# period and a vocabulary's codes and labels, with no name, no key of a person, no free text. The
# columns listed were read for that; a column the model gains later stops the setup until someone
# has read it too and added it here.
AGGREGATES = {
    ("marts", "incidents_monthly"): {
        "reason": "incident records and victims per country, period, month and category: counts only",
        "columns": {"country_code", "country_name", "period_year", "month_start_date", "month_label", "category_code",
                    "category_name", "incident_count", "victim_count", "female_victim_count", "male_victim_count",
                    "unknown_sex_victim_count", "not_a_person_victim_count",
                    # checked: a flag and source ids (the catalogue's), never a name or free text
                    "is_covered_in_part", "sources_covering_in_part"},
    },
    ("marts", "sdg_16_10_1"): {
        "reason": "SDG 16.10.1 persons per country, period, type, victim group, sex and perpetrator status: counts only",
        "columns": {"country_code", "country_name", "period_year", "sdg_violation_code", "sdg_violation_name",
                    "is_sdg_16_10_1_violation", "sdg_victim_group", "sdg_victim_group_name", "sdg_sex", "sdg_sex_name",
                    "sdg_perpetrator_status", "sdg_perpetrator_status_name", "verified_victims", "verified_incidents",
                    "verified_victim_appearances", "undated_verified_victims",
                    # checked: a flag and source ids (the catalogue's), never a name or free text
                    "is_covered_in_part", "sources_covering_in_part"},
    },
}


def check_dataset_source(schema: str, table: str, columns: list[dict]) -> None:
    """Stop the setup for a dataset that reads outside the public schema, unless it is an aggregate
    of AGGREGATES whose columns are all among those read for it."""
    if schema == PUBLIC_SCHEMA:
        return
    aggregate = AGGREGATES.get((schema, table))
    if aggregate is None:
        raise SetupError(f"the dataset {schema}.{table} reads outside the public schema, where the confidentiality rule "
                         f"is not applied: read {PUBLIC_SCHEMA}.{table} or an aggregate of AGGREGATES in setup_superset.py")
    unread = sorted({c["column_name"] for c in columns} - aggregate["columns"])
    if unread:
        raise SetupError(f"the aggregate {schema}.{table} has columns no one has checked for names or free text: "
                         f"{', '.join(unread)} (check them, then add them to AGGREGATES in setup_superset.py)")


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
            columns = model_columns(manifest, config["schema"], config["table_name"])
            check_dataset_source(config["schema"], config["table_name"], columns)
            config["columns"] = dataset_columns(config, columns)
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


# Run by Superset's interpreter in its app context: the admin user with its password (from the
# environment, never the command line, which other users can read), then the bundle, overwriting
# every asset. An existing user gets the password anew, so a home set up with another one (the
# admin/admin of earlier versions) has it no more.
IMPORT_ASSETS = """
import os, sys, zipfile
from superset.app import create_app
app = create_app()
with app.app_context():
    from superset import security_manager
    from superset.commands.importers.v1.assets import ImportAssetsCommand
    from superset.commands.importers.v1.utils import get_contents_from_bundle
    from superset.utils.core import override_user
    name, password = sys.argv[2], os.environ["JSI_SUPERSET_PASSWORD"]
    user = security_manager.find_user(username=name)
    if user is None:
        user = security_manager.add_user(name, "JSI", "Analyst", f"{name}@localhost",
                                         security_manager.find_role("Admin"), password=password)
        if not user:
            sys.exit(f"could not create the user {name}")
    else:
        security_manager.reset_password(user.id, password)
    with zipfile.ZipFile(sys.argv[1]) as bundle:
        contents = get_contents_from_bundle(bundle)
    with override_user(user):
        ImportAssetsCommand(contents).run()
"""
PASSWORD_FILE = "admin_password"
MIN_PASSWORD_LENGTH = 12


def admin_password(home: Path, given: str | None) -> tuple[str, bool]:
    """The admin's password and whether it was generated now. A given one (JSI_SUPERSET_PASSWORD)
    must have MIN_PASSWORD_LENGTH characters and is kept nowhere (a generated one of an earlier run
    is removed). Otherwise the one generated for this home, or a new random one, written to
    home/admin_password created with mode 600 (readable by its owner only)."""
    path = home / PASSWORD_FILE
    if given:
        if len(given) < MIN_PASSWORD_LENGTH:
            raise SetupError(f"JSI_SUPERSET_PASSWORD has fewer than {MIN_PASSWORD_LENGTH} characters")
        path.unlink(missing_ok=True)
        return given, False
    if path.exists():
        return path.read_text(encoding="utf-8").strip(), False
    password = secrets.token_urlsafe(18)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as out:
        out.write(password + "\n")
    return password, True


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


def superset(args: list[str], home: Path, command: list[str] | None = None, env: dict[str, str] | None = None) -> None:
    """Run one `superset` command (or `command`) with the project's configuration; stop on failure."""
    command = command or [str(Path(sys.executable).parent / "superset"), *args]
    result = subprocess.run(command, env=superset_env(home) | (env or {}), capture_output=True, text=True)
    if result.returncode != 0:
        raise SetupError(f"`superset {' '.join(args[:2])}` failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")


def set_up(warehouse: Path, manifest_path: Path, home: Path, user: str, password: str, assets: Path = ASSETS) -> Path:
    """Superset in `home` with the assets imported and `user` an admin whose password is `password`."""
    if not warehouse.is_file():
        raise SetupError(f"no warehouse at {warehouse}: run make build")
    if not manifest_path.is_file():
        raise SetupError(f"no dbt manifest at {manifest_path}: run dbt parse")
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    home.mkdir(parents=True, exist_ok=True)
    bundle = write_bundle(bundle_files(warehouse, manifest, assets), home / "jsi_superset_bundle.zip")
    superset(["db", "upgrade"], home)
    superset(["init"], home)
    superset(["import", "assets"], home, command=[sys.executable, "-c", IMPORT_ASSETS, str(bundle), user],
             env={"JSI_SUPERSET_PASSWORD": password})
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
    parser.add_argument("--assets", type=Path, default=ASSETS, help="the asset YAML to import (default superset/assets)")
    parser.add_argument("--serve", type=int, metavar="PORT", help="then serve Superset on 127.0.0.1:PORT")
    args = parser.parse_args()
    home = args.home.resolve()
    try:
        # the home holds the metadata database (password hashes), the secret key and the password
        home.mkdir(parents=True, exist_ok=True)
        home.chmod(0o700)
        password, generated = admin_password(home, os.environ.get("JSI_SUPERSET_PASSWORD"))
        if generated:  # said once, when made; later runs point to the file
            print(f"superset: user {args.user}, generated password {password} (kept in {home / PASSWORD_FILE}, mode 600)")
        elif os.environ.get("JSI_SUPERSET_PASSWORD"):
            print(f"superset: user {args.user}, the password of JSI_SUPERSET_PASSWORD")
        else:
            print(f"superset: user {args.user}, password in {home / PASSWORD_FILE}")
        bundle = set_up(args.warehouse, args.manifest, home, args.user, password, args.assets)
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
