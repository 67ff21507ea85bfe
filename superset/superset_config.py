"""Superset configuration for a local, single-user BI front end on the published warehouse.

Read by Superset through SUPERSET_CONFIG_PATH (set by `make superset` and the browser test).
Everything Superset writes (its metadata database, its secret key) lives in JSI_SUPERSET_HOME,
never in the warehouse: the warehouse is registered read-only.
"""

import os
import secrets
from pathlib import Path

from superset.security import SupersetSecurityManager

_home = Path(os.environ.get("JSI_SUPERSET_HOME", "target/superset")).resolve()
_home.mkdir(parents=True, exist_ok=True)


def _secret_key() -> str:
    """One random key per Superset home, kept beside its metadata database (never committed),
    created readable by its owner only (mode 600 from the start: no moment with wider rights; the
    first of several processes to start writes it, the others read it)."""
    key_file = _home / "secret_key"
    try:
        descriptor = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        pass
    else:
        with os.fdopen(descriptor, "w", encoding="utf-8") as out:
            out.write(secrets.token_urlsafe(42))
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

# Served on 127.0.0.1 only, without TLS. Superset's defaults that a security review expects stay
# on, said here so that no environment variable turns them off: Talisman's content security policy
# (no HTTPS redirect, the session cookie not marked secure: there is no TLS on 127.0.0.1), CSRF
# tokens, the login rate limit (per worker, in memory), no anonymous access, no self-registration,
# and no connection to SQLite or Shillelagh (which read local files).
TALISMAN_ENABLED = True
WTF_CSRF_ENABLED = True
RATELIMIT_ENABLED = True
AUTH_RATE_LIMITED = True
RATELIMIT_STORAGE_URI = "memory://"
PUBLIC_ROLE_LIKE = None
AUTH_USER_REGISTRATION = False
PREVENT_UNSAFE_DB_CONNECTIONS = True
# Errors name no stack trace in the browser; the API docs (Swagger) are not served.
SHOW_STACKTRACE = False
FAB_API_SWAGGER_UI = False
# The dashboard renders without asking anything outside the machine (no map tiles, no telemetry).
# No Jinja in SQL, no subquery in a chart's custom SQL (Superset's default, said here).
FEATURE_FLAGS = {"DASHBOARD_RBAC": False, "ENABLE_TEMPLATE_PROCESSING": False, "ALLOW_ADHOC_SUBQUERY": False}
MAPBOX_API_KEY = ""


class NoSqlLabSecurityManager(SupersetSecurityManager):
    """Superset's roles without SQL Lab: no role, Admin included, gets a SQL Lab permission (run a
    query, see the editor, saved queries, query history), so /sqllab/ and /api/v1/sqllab/execute/
    answer 403 for everyone. `superset init` (run by every setup) writes the roles anew from these
    rules, so a home set up before loses SQL Lab too. The dashboard needs none of it; the DuckDB
    connection is locked as well (setup_superset.py: read-only, no file access)."""

    def _is_admin_pvm(self, pvm) -> bool:
        return super()._is_admin_pvm(pvm) and not self._is_sql_lab_only(pvm)

    def _is_sql_lab_pvm(self, pvm) -> bool:
        return False


CUSTOM_SECURITY_MANAGER = NoSqlLabSecurityManager
