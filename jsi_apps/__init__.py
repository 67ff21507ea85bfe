"""The applications of the JSI warehouse, one package: the Streamlit dashboard (dashboard.py), the
static HTML report (report.py), the incident explorer's filters and queries (explorer.py), the
methodology page (methodology.py) and the public export (export.py). The queries and charts both
pages show are in queries.py and charts.py.

They read the published warehouse only, through warehouse.py, the one module that finds and opens
it: each query on a read-only connection closed right after. Each module with a command line runs
as `python -m jsi_apps.<module>`; the dashboard as `streamlit run jsi_apps/dashboard.py`. The
package is installed editable (`make venv`), so what runs is the working tree, and PROJECT_ROOT is
the checkout it runs from.
"""

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
