"""One person across sources (issue 30, part 3), on the built warehouse: the records of the report,
CPJ and Article 19 Mexico that tell the same event and victim are one person everywhere, and SDG
16.10.1 counts such a person once, under the most serious violation across the linked records."""

from __future__ import annotations


def test_gennady_pavlyuk_is_one_person_in_the_report_and_in_cpj(warehouse_con):
    """The report cites the 2009 killing of Gennady Pavlyuk; CPJ lists "Gennady Pavlyuk (Ibragim
    Rustambek)". The two appearances are one victim_key, and dim_victims has one row for him."""
    rows = warehouse_con.execute(
        """select source_id, victim_key from core.fct_incident_victims
           where victim_name ilike '%pavlyuk%' and event_year = 2009 order by source_id""").fetchall()
    sources = {source for source, _ in rows}
    assert {"cpj_killed_1992_2022"} <= sources and len(sources) >= 2, rows
    assert len({key for _, key in rows}) == 1, rows
    (persons,) = warehouse_con.execute(
        "select count(*) from core.dim_victims where victim_key = ?", [rows[0][1]]).fetchone()
    assert persons == 1


def test_both_victims_of_every_person_link_are_the_same_person(warehouse_con):
    """Read from fct_incident_victims, not from the link's own column: the two appearances of each
    pair carry one victim_key, and they come from two sources."""
    (pairs,) = warehouse_con.execute("select count(*) from core.fct_person_links").fetchone()
    assert pairs > 0, "the shipped data link persons of the report, CPJ and Article 19 Mexico"
    (wrong,) = warehouse_con.execute(
        """select count(*) from core.fct_person_links as links
           inner join core.fct_incident_victims as a on links.incident_victim_id_a = a.incident_victim_id
           inner join core.fct_incident_victims as b on links.incident_victim_id_b = b.incident_victim_id
           where a.victim_key != b.victim_key or a.source_id = b.source_id""").fetchone()
    assert wrong == 0


def test_a_linked_person_counts_under_one_type_of_sdg_16_10_1(warehouse_con):
    """No pair of linked appearances of one person, in one country and period, counts under two
    SDG 16.10.1 types; every outranked appearance names a counted appearance of the same person whose
    violation is more serious."""
    (two_types,) = warehouse_con.execute(
        """select count(*) from core.fct_person_links as links
           inner join marts.sdg_16_10_1_victims as a on links.incident_victim_id_a = a.incident_victim_id
           inner join marts.sdg_16_10_1_victims as b on links.incident_victim_id_b = b.incident_victim_id
           where a.country_code = b.country_code and a.period_year = b.period_year
             and a.is_sdg_16_10_1_violation and b.is_sdg_16_10_1_violation
             and a.sdg_violation_code != b.sdg_violation_code""").fetchone()
    assert two_types == 0
    (bad,) = warehouse_con.execute(
        """select count(*) from marts.sdg_16_10_1_victims as lost
           left join marts.sdg_16_10_1_victims as winner
               on lost.outranked_by_incident_victim_id = winner.incident_victim_id
           left join raw.ref_sdg_violation_types as winner_type
               on winner.sdg_violation_code = winner_type.sdg_violation_code
           where lost.outranked_by_incident_victim_id is not null
             and (winner.victim_key is distinct from lost.victim_key
                  or not winner.is_sdg_16_10_1_violation
                  or lost.sdg_violation_code not in ('deprivation_outranked', 'outranked'))""").fetchone()
    assert bad == 0
