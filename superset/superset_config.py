"""Superset configuration for a local, single-user BI front end on the published warehouse.

Read by Superset through SUPERSET_CONFIG_PATH (set by `make superset` and the browser test).
Everything Superset writes (its metadata database, its secret key) lives in JSI_SUPERSET_HOME,
never in the warehouse: the warehouse is registered read-only.
"""

import os
import secrets
from pathlib import Path

_home = Path(os.environ.get("JSI_SUPERSET_HOME", "target/superset")).resolve()
_home.mkdir(parents=True, exist_ok=True)


def _secret_key() -> str:
    """One random key per Superset home, kept beside its metadata database (never committed)."""
    key_file = _home / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(42), encoding="utf-8")
        key_file.chmod(0o600)
    return key_file.read_text(encoding="utf-8").strip()


SECRET_KEY = os.environ.get("SUPERSET_SECRET_KEY") or _secret_key()
# Superset's own metadata (users, datasets, charts, dashboards): a local SQLite file.
SQLALCHEMY_DATABASE_URI = f"sqlite:///{_home / 'superset.db'}"
DATA_DIR = str(_home)

# No result cache: every chart asks the warehouse, so a republished file shows at once.
CACHE_CONFIG = {"CACHE_TYPE": "NullCache"}
DATA_CACHE_CONFIG = {"CACHE_TYPE": "NullCache"}
FILTER_STATE_CACHE_CONFIG = {"CACHE_TYPE": "SimpleCache", "CACHE_DEFAULT_TIMEOUT": 86400}
EXPLORE_FORM_DATA_CACHE_CONFIG = {"CACHE_TYPE": "SimpleCache", "CACHE_DEFAULT_TIMEOUT": 86400}

# Served on 127.0.0.1 only, without TLS: no HTTPS redirect, no external scripts, no rate limiter.
TALISMAN_ENABLED = False
RATELIMIT_ENABLED = False
RATELIMIT_STORAGE_URI = "memory://"
# The dashboard renders without asking anything outside the machine (no map tiles, no telemetry).
FEATURE_FLAGS = {"DASHBOARD_RBAC": False, "ENABLE_TEMPLATE_PROCESSING": False}
MAPBOX_API_KEY = ""
