{#- How SDG 16.10.1 counts the person rows of sdg_16_10_1_victims, for any grouping (a cell of
    sdg_16_10_1, a violation type of sdg_16_10_1_by_type): persons and incidents of the period
    each once, the appearances, and the persons of undated incidents apart. -#}
{% macro sdg_counts(alias) -%}
    count(distinct {{ alias }}.victim_key) filter (where {{ alias }}.dating = 'in_period') as verified_victims,
        count(distinct {{ alias }}.event_id) filter (where {{ alias }}.dating = 'in_period') as verified_incidents,
        count(*) filter (where {{ alias }}.dating = 'in_period') as verified_victim_appearances,
        count(distinct {{ alias }}.victim_key) filter (where {{ alias }}.dating = 'undated') as undated_verified_victims
{%- endmacro %}
