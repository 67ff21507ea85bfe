{#- How SDG 16.10.1 counts the person rows of sdg_16_10_1_victims (`relation`), for any grouping
    (`keys`: a cell of sdg_16_10_1, a violation type of sdg_16_10_1_by_type): persons and incidents
    of the period each once, the appearances, and the persons of undated incidents apart. A select
    of the keys and the four counts, one row per group that has a person of the period or undated.
    A person is counted on their one row with counts_the_person (sdg_16_10_1_victims decides it once
    per person, country, period, type and dating, and a person's cell is the same on all those rows),
    so persons and appearances are counted in one pass over the rows: grouping the rows by person
    first took three times as long at 10M victims (BENCHMARKS.md). An incident is made one row of its
    group, then counted (an incident's victims may fall in several groups). -#}
{% macro sdg_counts(relation, keys) -%}
    select
        {% for key in keys -%}
        person_counts.{{ key }},
        {% endfor -%}
        person_counts.verified_victims,
        coalesce(incident_counts.verified_incidents, 0) as verified_incidents,
        person_counts.verified_victim_appearances,
        person_counts.undated_verified_victims

    from (
        select
            {% for key in keys -%}
            person_rows.{{ key }},
            {% endfor -%}
            count(*) filter (where person_rows.dating = 'in_period' and person_rows.counts_the_person) as verified_victims,
            count(*) filter (where person_rows.dating = 'in_period') as verified_victim_appearances,
            count(*) filter (where person_rows.dating = 'undated' and person_rows.counts_the_person) as undated_verified_victims
        from {{ relation }} as person_rows
        where person_rows.dating in ('in_period', 'undated')
        group by all
    ) as person_counts
    left join (
        select
            {% for key in keys -%}
            incidents.{{ key }},
            {% endfor -%}
            count(*) as verified_incidents
        from (
            -- each incident of the period once per group
            select distinct
                {% for key in keys -%}
                incident_rows.{{ key }},
                {% endfor -%}
                incident_rows.event_id
            from {{ relation }} as incident_rows
            where incident_rows.dating = 'in_period'
        ) as incidents
        group by all
    ) as incident_counts
        on
            {% for key in keys -%}
            {{ 'and ' if not loop.first }}person_counts.{{ key }} = incident_counts.{{ key }}
            {% endfor %}
{%- endmacro %}
