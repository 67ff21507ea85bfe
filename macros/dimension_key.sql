{#-
    A canonical text key for a figure's breakdowns: "name=value" pairs sorted by name and
    joined by "|" ('' for a figure without breakdowns). With names_only=true, the key of the
    breakdown names alone ("gender|victim_group"): the shape of the figure.
-#}
{% macro dimension_key(pairs, names_only=false) -%}
    {%- set entries = [] -%}
    {%- for name, value in pairs -%}
        {%- do entries.append(name ~ ("" if names_only else " || '=' || " ~ value)) -%}
    {%- endfor -%}
    {{ join_sorted(entries, '|') }}
{%- endmacro %}
