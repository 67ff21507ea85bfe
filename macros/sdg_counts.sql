{#- How SDG 16.10.1 counts the person rows of sdg_16_10_1_victims (`relation`), for any grouping
    (`keys`: a cell of sdg_16_10_1, a violation type of sdg_16_10_1_by_type): persons and incidents
    of the period each once, the appearances, and the persons of undated incidents apart. A select
    of the keys and the four counts, one row per group that has a person of the period or undated.
    Each person (and each incident) is first made one row of its group, then the rows are counted:
    where count(distinct) kept a set of keys per group, this took half the time at 10M victims
    (BENCHMARKS.md). -#}
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
            persons.{{ key }},
            {% endfor -%}
            count(*) filter (where persons.dating = 'in_period') as verified_victims,
            cast(coalesce(sum(persons.appearances) filter (where persons.dating = 'in_period'), 0) as {{ dbt.type_bigint() }})
                as verified_victim_appearances,
            count(*) filter (where persons.dating = 'undated') as undated_verified_victims
        from (
            -- each person once per group and dating, with the number of their appearances
            select
                {% for key in keys -%}
                person_rows.{{ key }},
                {% endfor -%}
                person_rows.dating,
                person_rows.victim_key,
                count(*) as appearances
            from {{ relation }} as person_rows
            where person_rows.dating in ('in_period', 'undated')
            group by all
        ) as persons
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
