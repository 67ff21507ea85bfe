"""The charts and colours the pages share: the dashboard's Assessment view and the static report
draw the same plotly figures from the results of queries.py, and colour the assessment statuses,
the sexes and the months alike.
"""

from __future__ import annotations

import re

import pandas as pd
import plotly.express as px
from plotly.graph_objects import Figure

from jsi_apps.queries import SEXES

STATUS_COLOURS = {"met": "#1a7f37", "partially_met": "#9a6700", "not_met": "#cf222e", "not_assessed": "#6e7781"}
SEX_COLOURS = dict(zip(SEXES, ["#8250df", "#0969da", "#8c959f", "#d0d7de"]))
MONTH_COLOURS = {"dated": "#0969da", "month unknown": "#d0d7de"}


def status_class(status: object) -> str:
    """The CSS class word of a status as shown: 'Partially met' and partially_met are both
    partially_met (the colours are keyed by code, the page shows the label)."""
    return re.sub(r"[^a-z0-9]+", "_", str(status).lower()).strip("_")


def incidents_figure(months: pd.DataFrame) -> Figure:
    """Bar chart of incidents per month; the incidents whose month is unknown are a separate,
    grey and hatched bar, never coloured like a month."""
    months = months.assign(kind=(months["month_label"] == "month unknown").map({True: "month unknown", False: "dated"}))
    figure = px.bar(
        months,
        x="month_label",
        y="incidents",
        color="kind",
        color_discrete_map=MONTH_COLOURS,
        category_orders={"kind": list(MONTH_COLOURS)},
        hover_data=["victims"],
        labels={"month_label": "Month", "incidents": "Incidents", "victims": "Victims", "kind": ""},
    )
    figure.update_traces(selector={"name": "month unknown"}, marker_pattern_shape="/")
    figure.update_xaxes(type="category")
    return figure.update_layout(margin={"t": 30})


def victims_figure(victims: pd.DataFrame) -> Figure:
    """Horizontal stacked bars: victims per incident category, split by sex."""
    order = victims.groupby("category")["victims"].sum().sort_values(ascending=False, kind="stable").index.tolist()
    figure = px.bar(
        victims,
        x="victims",
        y="category",
        color="sex",
        orientation="h",
        color_discrete_map=SEX_COLOURS,
        category_orders={"category": order, "sex": list(SEX_COLOURS)},
        labels={"victims": "Victims", "category": "Incident category", "sex": "Sex"},
        height=120 + 28 * len(order),
    )
    return figure.update_layout(margin={"t": 30})
