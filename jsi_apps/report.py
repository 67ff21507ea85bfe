"""Static HTML report of one JSI assessment period.

    python -m jsi_apps.report --warehouse warehouse/jsi.duckdb --out report.html
        [--country KZ --year 2020]

Writes ONE self-contained HTML file (plotly.js is embedded inline, so it opens offline): the
indicator scorecard, incidents by month, victims by sex and category, the SDG 16.10.1 table
and the criminal charges published by the report against those the register itemizes (the
queries and charts the dashboard shows too: queries.py, charts.py), the country's public incident
register with filters and a CSV download that run in the page, impunity, source comparison,
reconciliation and the methodology (explorer.py, methodology.py). Without --country/--year it
reports the latest period of the first country.

Every query opens its own read-only DuckDB connection and closes it at once (warehouse.py), so
the report never holds the warehouse file while `make build` publishes a new one.
"""

from __future__ import annotations

import argparse
import html
import numbers
from pathlib import Path

import pandas as pd

from jsi_apps import charts, explorer, methodology, queries, safe_csv
from jsi_apps.warehouse import query


def cell_text(value: object) -> str:
    """The escaped text of one table cell: numbers formatted, missing values as an em dash."""
    if isinstance(value, numbers.Number) or pd.isna(value):
        return queries.format_number(value)
    return html.escape(str(value))


def html_table(frame: pd.DataFrame, table_id: str, status_column: str | None = None) -> str:
    """An escaped HTML table; cells of `status_column` carry a class per status for colour."""
    head = "".join(f"<th>{html.escape(str(column))}</th>" for column in frame.columns)
    rows = []
    for record in frame.itertuples(index=False):
        cells = []
        for column, value in zip(frame.columns, record):
            css = f' class="status status-{charts.status_class(value)}"' if column == status_column else ""
            cells.append(f"<td{css}>{cell_text(value)}</td>")
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return f'<div class="scroll"><table id="{table_id}"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table></div>'


def stylesheet() -> str:
    """Inline CSS of the report, with one colour per assessment status."""
    status_rules = "".join(
        f".status-{status}{{color:{colour};font-weight:600}}" for status, colour in charts.STATUS_COLOURS.items()
    )
    return (
        "body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:1200px;padding:0 1rem;color:#1f2328}"
        # a long or wide table scrolls inside its box: the page stays as wide as the window
        ".scroll{max-width:100%;max-height:32rem;overflow:auto;margin:0.5rem 0 1.5rem;border:1px solid #d0d7de}"
        ".scroll table{margin:0}.scroll th{position:sticky;top:0}"
        "#incident-table{min-width:2600px}"
        "#incident-filters{display:grid;grid-template-columns:repeat(auto-fill,minmax(17rem,1fr));gap:0.4rem 1rem;"
        "align-items:end}#incident-filters label{display:flex;flex-direction:column;font-size:0.85rem}"
        "#incident-filters select{max-width:100%}#incident-filters label.check{flex-direction:row;gap:0.3rem;align-items:center}"
        "nav a{margin-right:1rem}details>summary{cursor:pointer;font-size:1.2rem;font-weight:600;margin:1rem 0}"
        "table{border-collapse:collapse;margin:0.5rem 0 1.5rem;font-size:0.9rem}"
        "th,td{border:1px solid #d0d7de;padding:0.3rem 0.5rem;text-align:left;vertical-align:top}"
        "th{background:#f6f8fa}"
        ".summary{font-size:1.05rem}" + status_rules
    )


SECTIONS = [("scorecard-section", "Scorecard"), ("incidents", "Incidents"), ("victims", "Victims"), ("sdg", "SDG 16.10.1"),
            ("charges", "Criminal charges"), ("register", "Incident register"), ("impunity-section", "Impunity"),
            ("sources", "Sources"), ("reconciliation-section", "Reconciliation"), ("methodology", "Methodology")]


def findings_list(card: pd.DataFrame) -> str:
    """The report's finding for each indicator, folded (they are long)."""
    items = "".join(
        f"<li><strong>{html.escape(row.Code)}</strong> ({html.escape(row.Status)}): {html.escape(str(row.Finding))}</li>"
        for row in card.itertuples()
    )
    return f'<details id="findings"><summary>Findings of the report, by indicator</summary><ul>{items}</ul></details>'


def render_report(warehouse: Path, country: str, year: int) -> str:
    """The complete, self-contained HTML report of one period."""
    months = queries.incidents_by_month(warehouse, country, year)
    victims = queries.victims_by_category_and_sex(warehouse, country, year)
    charges = queries.criminal_charges(warehouse, country, year)
    totals, charged = queries.incident_totals(months), queries.charge_totals(charges)
    sexes = ", ".join(f"{sex} {count}" for sex, count in queries.sex_totals(victims).items())
    card = queries.scorecard_display(queries.scorecard(warehouse, country, year))
    title = html.escape(queries.title(queries.periods(warehouse), country, year))
    period_selection = explorer.Selection({"country": [country]})
    nav = "".join(f'<a href="#{anchor}">{html.escape(name)}</a>' for anchor, name in SECTIONS)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title><style>{stylesheet()}</style></head>
<body>
<h1>{title}</h1>
<p>UNESCO Journalists' Safety Indicators: country <strong id="country">{html.escape(country)}</strong> (ISO 3166-1),
period <strong id="period">{year}</strong>. Built from the warehouse marts.</p>
<nav>{nav}</nav>
<h2 id="scorecard-section">Indicator scorecard</h2>
{html_table(card.drop(columns="Finding"), "scorecard", status_column="Status")}
{findings_list(card)}
<h2 id="incidents">Incidents by month</h2>
<p class="summary">Incidents of the period: <strong id="total-incidents">{totals["incidents"]}</strong>
(month unknown: {totals["undated"]}); victims: <strong id="total-victims">{totals["victims"]}</strong>.</p>
{charts.incidents_figure(months).to_html(full_html=False, include_plotlyjs=True)}
<h2 id="victims">Victims by sex and category</h2>
<p class="summary" id="victims-by-sex">Victims by sex: {html.escape(sexes)}.</p>
{charts.victims_figure(victims).to_html(full_html=False, include_plotlyjs=False)}
<h2 id="sdg">SDG 16.10.1: verified victims</h2>
<h3>Totals by violation type</h3>
{html_table(queries.sdg_totals(warehouse, country, year), "sdg-totals")}
<h3>Non-zero cells</h3>
{html_table(queries.sdg_cells(warehouse, country, year), "sdg-cells")}
<h2 id="charges">Criminal charges by article: reported vs itemized</h2>
<p class="summary">Charges the report publishes: <strong id="reported-charges">{charged["reported"]}</strong>;
charges itemized in the register: <strong id="itemized-charges">{charged["itemized"]}</strong>.
An empty "Reported" cell is a combination the report publishes no figure for.</p>
{html_table(charges, "criminal-charges")}
{explorer_section(warehouse, country)}
<h2 id="impunity-section">Impunity: killings by outcome</h2>
<p>Each source on its own, then all sources together (each killing once): the rows of a year do not add up.</p>
{html_table(explorer.impunity(warehouse, period_selection), "impunity")}
<h3>Cases by impunity status (impunity tracker)</h3>
{html_table(explorer.impunity_cases(warehouse, period_selection), "impunity-cases")}
<h2 id="sources">Source comparison: event groups per source and across sources</h2>
{html_table(explorer.source_comparison(warehouse, period_selection), "source-comparison")}
<h2 id="reconciliation-section">Reconciliation: published figures against the register</h2>
{html_table(explorer.reconciliation(warehouse, period_selection), "reconciliation", status_column="Status")}
<details id="methodology-details"><summary>Methodology</summary>
{methodology.html_section(methodology.load(warehouse))}
</details>
<script>{EXPLORER_JS}</script>
</body></html>
"""


# Filters of the static report's incident table, run in the browser: each <select> keeps the rows
# whose cell equals the chosen value; the CSV link downloads exactly the rows shown, from each
# cell's data-value (written through safe_csv.cell in Python).
EXPLORER_JS = r"""
(function () {
  const table = document.getElementById('incident-table');
  if (!table) return;
  const selects = Array.from(document.querySelectorAll('#incident-filters select'));
  const verified = document.getElementById('filter-verified');
  const counter = document.getElementById('rows-shown');
  const rows = Array.from(table.tBodies[0].rows);
  function apply() {
    let shown = 0;
    rows.forEach(row => {
      const keep = selects.every(s => s.value === '' || row.dataset[camel(s.dataset.field)] === s.value)
        && (!verified.checked || row.dataset.verified === 'true');
      row.hidden = !keep;
      if (keep) shown += 1;
    });
    counter.textContent = shown + ' rows shown';
  }
  function camel(key) { return key.replace(/_(.)/g, (m, c) => c.toUpperCase()); }
  function quote(text) { return /[",\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text; }
  function csv() {
    const header = Array.from(table.tHead.rows[0].cells).map(c => quote(c.innerText));
    const lines = [header.join(',')].concat(rows.filter(r => !r.hidden)
      .map(r => Array.from(r.cells).map(c => quote(c.dataset.value)).join(',')));
    return lines.join('\n') + '\n';
  }
  selects.forEach(s => s.addEventListener('change', apply));
  verified.addEventListener('change', apply);
  document.getElementById('download-csv').addEventListener('click', event => {
    event.currentTarget.href = URL.createObjectURL(new Blob([csv()], {type: 'text/csv'}));
  });
  apply();
})();
"""

def explorer_section(warehouse: Path, country: str) -> str:
    """The public incident register of the country, with filters and a CSV download that run in
    the browser (the file stays self-contained and offline). The filters are explorer.FILTERS:
    each select lists a filter's values in the country with their labels, and each row carries
    its value of every filter, compared as the dashboard's query compares them (value equals value)."""
    selection = explorer.Selection({"country": [country]})
    where, params = selection.where()
    filters = [f for f in explorer.FILTERS if f.key != "country"]  # the report is one country's
    choices = explorer.options(warehouse, selection)
    filter_columns = ", ".join(f'{f.column} as "f_{f.key}"' for f in filters)
    frame = query(
        warehouse,
        f"select {filter_columns}, is_verified, "
        + ", ".join(f'{column} as "{header}"' for column, header in explorer.TABLE_COLUMNS)
        + f" from {explorer.REGISTER}{where} order by event_date nulls last, event_id, incident_victim_id",
        params,
    )
    headers = [header for _, header in explorer.TABLE_COLUMNS]
    selects = []
    for f in filters:
        options = "".join(
            f'<option value="{html.escape(explorer.value_text(value))}">{html.escape(str(label))}</option>'
            for value, label in zip(choices[f.key]["value"], choices[f.key]["label"])
        )
        selects.append(
            f'<label>{html.escape(f.label)} <select data-field="{f.key}"><option value="">all</option>{options}</select></label>'
        )
    rows = []
    for record in frame.itertuples(index=False):
        data = dict(zip(frame.columns, record))
        attributes = "".join(f' data-{f.key.replace("_", "-")}="{html.escape(explorer.value_text(data[f"f_{f.key}"]))}"' for f in filters)
        attributes += f' data-verified="{str(bool(data["is_verified"])).lower()}"'
        cells = "".join(
            f'<td data-value="{html.escape("" if pd.isna(data[h]) else str(safe_csv.cell(data[h])))}">{cell_text(data[h])}</td>'
            for h in headers
        )
        rows.append(f"<tr{attributes}>{cells}</tr>")
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    return (
        f'<h2 id="register">Incident register: {html.escape(str(choices["country"]["label"].iloc[0]))}, every source</h2>'
        '<p>The public register: names withheld under the confidentiality rule are not shown.</p>'
        f'<div id="incident-filters">{"".join(selects)} <label class="check"><input type="checkbox" id="filter-verified"> verified only</label> '
        '<a id="download-csv" href="#" download="incidents.csv">Download CSV of the rows shown</a></div>'
        f'<p id="rows-shown">{len(rows)} rows shown</p>'
        f'<div class="scroll"><table id="incident-table"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table></div>'
    )


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--warehouse", type=Path, required=True, help="DuckDB warehouse file (opened read-only)")
    parser.add_argument("--out", type=Path, required=True, help="HTML file to write")
    parser.add_argument("--country", help="country code; default: the first country")
    parser.add_argument("--year", type=int, help="period year; default: the country's latest")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    """Write the report of the chosen (or default) period."""
    args = parse_args(argv)
    if not args.warehouse.is_file():
        raise SystemExit(f"no warehouse at {args.warehouse}: run make build")
    available = queries.periods(args.warehouse)
    if args.country:
        available = available[available["country_code"] == args.country]
    if args.year is not None:
        available = available[available["period_year"] == args.year]
    if available.empty:
        raise SystemExit(f"no assessed period for country={args.country} year={args.year} in {args.warehouse}")
    country, year = queries.default_period(available)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(render_report(args.warehouse, country, year), encoding="utf-8")
    print(f"wrote {args.out} ({country} {year})")


if __name__ == "__main__":
    main()
