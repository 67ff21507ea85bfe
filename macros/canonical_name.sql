{#-
    The one spelling the warehouse uses for a person, outlet or city the report spells several
    ways (raw_name_variants). Two halves, used together in an intermediate model (staging keeps the
    spelling as reported):

        {{ canonical_name_join('person_names', 'source.victim_name', 'person', 'source.country_code') }}
    joins the variant list under an alias (a left join on a unique key: it never adds rows), and

        {{ canonical_name('person_names', 'source.victim_name') }}
    is the canonical spelling: the listed one, else the name trimmed; an empty name becomes null.
    A join rather than a correlated subquery, so that millions of rows cost one hash join.
-#}
{% macro canonical_name_join(alias, column, entity_type, country_column) -%}
    left join {{ ref('stg_assessment__name_variants') }} as {{ alias }}
        on
            {{ alias }}.entity_type = '{{ entity_type }}'
            and {{ alias }}.country_code = {{ country_column }}
            and {{ alias }}.variant_name = nullif(trim({{ column }}), '')
{%- endmacro %}

{% macro canonical_name(alias, column) -%}
    coalesce({{ alias }}.canonical_name, nullif(trim({{ column }}), ''))
{%- endmacro %}
