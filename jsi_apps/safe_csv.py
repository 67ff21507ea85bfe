"""CSV cells a spreadsheet will not run: a text cell that begins with =, +, -, @, a tab or a carriage
return is prefixed with a single quote (the OWASP rule against CSV injection), so that a name such
as =HYPERLINK(...) is shown as text. Every CSV the project writes goes through this rule: the
public export (in SQL, for DuckDB's COPY), the explorer's download and the static report's."""

from __future__ import annotations

import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(value: object) -> object:
    """A cell as it may be written: text that a spreadsheet would read as a formula gets a quote."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def frame(table: pd.DataFrame) -> pd.DataFrame:
    """Every text cell of a table through cell()."""
    text = [name for name in table.columns if table[name].dtype == object or pd.api.types.is_string_dtype(table[name])]
    return table.assign(**{name: table[name].map(cell) for name in text})


def sql_cell(expression: str) -> str:
    """The same rule in SQL, for a text column written by DuckDB's COPY."""
    starts = ", ".join(f"chr({ord(c)})" for c in FORMULA_STARTS)
    return f"case when left({expression}, 1) in ({starts}) then '''' || {expression} else {expression} end"
