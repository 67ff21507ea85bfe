"""End to end: the whole project built with `make build` into a temporary warehouse; every mart
queried; grains checked; marts cross-checked against the facts they summarise; key published
figures reconciled with the register."""

from __future__ import annotations

import pytest

# relation -> the columns that identify one row (its grain)
GRAINS = {
    "core.fct_incidents": ["incident_key"],
    "core.fct_incident_victims": ["incident_victim_key"],
    "core.fct_legal_actions": ["legal_action_key"],
    "core.fct_legal_action_status_history": ["legal_action_stage_key"],
    "core.fct_reported_statistics": ["reported_statistic_key"],
    "core.dim_victims": ["victim_key"],
    "core.dim_outlets": ["outlet_key"],
    "core.dim_legal_articles": ["legal_article_key"],
    "core.dim_dates": ["date_day"],
    "core.dim_regions": ["region_code"],
    "core.dim_organisations": ["organisation_key"],
    "core.dim_indicators": ["indicator_code"],
    "core.dim_incident_categories": ["category_code"],
    "marts.indicator_scorecard": ["country_code", "period_year", "indicator_code"],
    "marts.sdg_16_10_1": ["country_code", "period_year", "sdg_violation_code", "sdg_victim_group", "sdg_sex", "sdg_perpetrator_status"],
    "marts.criminal_charges_by_article": ["country_code", "period_year", "article_row", "report_victim_group"],
    "marts.published_figure_reconciliation": ["figure_id"],
    "marts.incidents_monthly": ["country_code", "period_year", "month_label", "category_code"],
    "marts.impunity_tracker": ["case_key"],
    "marts.media_registry_by_type": ["country_code", "period_year", "media_type"],
    "marts.intermediary_market_concentration": ["country_code", "period_year", "provider_name"],
    "marts.newsroom_safety_survey": ["response_id"],
}

# Figures the register must reproduce exactly: the gravest violations, fully itemized in reports.
KEY_FIGURES = ["killings_of_journalists", "attempted_killings_of_journalists", "threats_to_life", "attacks_on_journalists"]


def scalar(con, sql: str, params: list | None = None):
    return con.execute(sql, params or []).fetchone()[0]


def test_all_marts_exist_and_have_rows(warehouse_con):
    views = {
        row[0]
        for row in warehouse_con.execute(
            "select table_name from information_schema.tables where table_schema = 'marts'"
        ).fetchall()
    }
    indicator_views = sorted(v for v in views if v.startswith("jsi_"))
    assert len(indicator_views) == 18, indicator_views
    for view in sorted(views):
        assert scalar(warehouse_con, f"select count(*) from marts.{view}") > 0, f"marts.{view} is empty"


@pytest.mark.parametrize("relation", sorted(GRAINS))
def test_grain_has_no_duplicate_keys(warehouse_con, relation):
    keys = ", ".join(GRAINS[relation])
    duplicates = scalar(
        warehouse_con,
        f"select count(*) from (select {keys} from {relation} group by all having count(*) > 1)",
    )
    assert duplicates == 0


def test_every_published_figure_is_reconciled_once(warehouse_con):
    published = scalar(warehouse_con, "select count(*) from core.fct_reported_statistics")
    reconciled_rows = scalar(warehouse_con, "select count(*) from marts.published_figure_reconciliation")
    assert published == reconciled_rows


def test_reconciliation_status_agrees_with_its_numbers(warehouse_con):
    wrong = warehouse_con.execute(
        """
        select figure_id, status, published_value, register_value
        from marts.published_figure_reconciliation
        where not (
            (status = 'reconciled' and register_value = published_value)
            or (status = 'register_incomplete' and register_value < published_value)
            or (status = 'register_exceeds' and register_value > published_value)
            or (status = 'not_derivable' and register_value is null)
            or status = 'inconsistent_in_source'
        )
        """
    ).fetchall()
    assert not wrong


@pytest.mark.parametrize("metric", KEY_FIGURES)
def test_key_figures_reconcile_with_the_register(warehouse_con, metric):
    rows = warehouse_con.execute(
        """
        select figure_id, reference_year, published_value, register_value, status
        from marts.published_figure_reconciliation
        where metric = ? and dimension_key = '' and status != 'inconsistent_in_source'
        """,
        [metric],
    ).fetchall()
    assert rows, f"the report publishes no {metric} figure"
    mismatched = [r for r in rows if r[4] != "reconciled"]
    assert not mismatched, mismatched


def test_sdg_mart_counts_every_sdg_victim_of_the_period_once_per_person_and_type(warehouse_con):
    from_mart = warehouse_con.execute(
        """
        select sum(verified_victims), sum(verified_victim_appearances)
        from marts.sdg_16_10_1 where is_sdg_16_10_1_violation
        """
    ).fetchone()
    from_fact = warehouse_con.execute(
        """
        select count(distinct (f.country_code, f.period_year, f.victim_key, f.sdg_violation_code)), count(*)
        from core.fct_incident_victims as f
        inner join core.dim_victims as person on f.victim_key = person.victim_key
        where f.is_verified and f.victim_type = 'person' and person.sdg_victim_group != 'out_of_scope'
          and f.sdg_violation_code in ('A', 'B', 'C', 'D', 'E', 'F')
          and f.event_year = f.period_year and f.event_country_code = f.country_code
        """
    ).fetchone()
    assert from_mart == from_fact
    # the unit is the person, in the one victim group dim_victims gives them: someone with several
    # incidents of one type counts once
    assert from_mart[0] < from_mart[1]


def test_sdg_type_d_holds_only_established_arbitrary_deprivations_of_liberty(warehouse_con):
    in_d = warehouse_con.execute(
        """
        select count(*) from core.fct_incident_victims
        where sdg_violation_code = 'D' and not coalesce(is_arbitrary, false)
        """
    ).fetchone()[0]
    assert in_d == 0
    beside = scalar(
        warehouse_con,
        "select sum(verified_victims) from marts.sdg_16_10_1 where sdg_violation_code = 'deprivation_not_established'",
    )
    assert beside > 0, "deprivations of liberty without established arbitrariness are shown beside D"


def test_indicator_view_totals_match_the_facts(warehouse_con):
    view_total = scalar(
        warehouse_con,
        """
        select sum(measure_value) from marts.jsi_a1_safety_and_impunity_statistics
        where measure = 'incidents' and breakdown = 'total'
        """,
    )
    # an indicator view is about an assessment: its country and period
    fact_total = scalar(
        warehouse_con,
        """
        select count(*) from core.fct_incidents
        inner join staging.stg_assessment__assessment_sources using (country_code, period_year)
        where event_year = period_year
        """,
    )
    assert view_total == fact_total
    by_category = scalar(
        warehouse_con,
        """
        select sum(measure_value) from marts.jsi_a1_safety_and_impunity_statistics
        where measure = 'incidents' and breakdown = 'category_code'
        """,
    )
    assert by_category == fact_total


def test_monthly_mart_accounts_for_every_incident_of_the_period(warehouse_con):
    monthly = scalar(warehouse_con, "select sum(incident_count) from marts.incidents_monthly")
    facts = scalar(warehouse_con, "select count(*) from core.fct_incidents where event_year = period_year")
    assert monthly == facts


def test_scorecard_has_every_indicator_of_every_assessment(warehouse_con):
    assessments = scalar(warehouse_con, "select count(*) from staging.stg_assessment__assessment_sources")
    indicators = scalar(warehouse_con, "select count(*) from core.dim_indicators")
    assert scalar(warehouse_con, "select count(*) from marts.indicator_scorecard") == assessments * indicators


def test_criminal_charges_mart_reproduces_the_report_table(warehouse_con):
    table_cells = scalar(
        warehouse_con,
        """
        select sum(figure_value) from core.fct_reported_statistics
        where metric = 'criminal_charges' and table_name is not null
          and article is not null and victim_group is not null
        """,
    )
    in_mart = scalar(warehouse_con, "select sum(reported_charges) from marts.criminal_charges_by_article")
    assert in_mart == table_cells


def test_every_killing_is_in_the_impunity_tracker_with_its_outcome(warehouse_con):
    """Each killing or attempted killing has a row in the tracker: its prosecution where the register
    links one, otherwise 'no_case_reported' (Saipov, 2007: the report says the crime was not solved)."""
    killings = warehouse_con.execute(
        "select incident_key, event_id from core.fct_incidents where category_code in ('killing', 'attempted_killing')"
    ).fetchall()
    assert killings
    for incident_key, event_id in killings:
        linked = scalar(
            warehouse_con,
            "select count(*) from core.fct_legal_actions where related_incident_key = ? and journalist_position = 'injured_party'",
            [incident_key],
        )
        statuses = {
            r[0] for r in warehouse_con.execute(
                "select impunity_status from marts.impunity_tracker where event_id = ?", [event_id]
            ).fetchall()
        }
        assert statuses, f"killing {event_id} is missing from the impunity tracker"
        if linked:
            assert "no_case_reported" not in statuses, event_id
        else:
            assert statuses == {"no_case_reported"}, (event_id, statuses)