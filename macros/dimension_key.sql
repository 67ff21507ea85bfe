{#-
    A figure's breakdown as one text key, derived from its (dimension_N_name, dimension_N_value)
    columns (the one encoding, N = 1..3): "name=value" pairs sorted by name and joined by "|" (''
    for a figure without breakdowns); empty (null) when a named breakdown has no value. With
    names_only=true, the key of the names alone ("sex|victim_group"): the shape of the figure.
    `alias` is the relation that carries the columns.
-#}
{% macro dimension_key(alias, names_only=false) -%}
    {%- set entries = [] -%}
    {%- set incomplete = [] -%}
    {%- for n in range(1, 4) -%}
        {%- set name = alias ~ '.dimension_' ~ n ~ '_name' -%}
        {%- set value = alias ~ '.dimension_' ~ n ~ '_value' -%}
        {%- do entries.append(name ~ ("" if names_only else " || '=' || " ~ value)) -%}
        {%- do incomplete.append('(' ~ name ~ ' is not null and ' ~ value ~ ' is null)') -%}
    {%- endfor -%}
    {%- if names_only -%}
        {{ join_sorted(entries, '|') }}
    {%- else -%}
        case when {{ incomplete | join(' or ') }} then null else {{ join_sorted(entries, '|') }} end
    {%- endif -%}
{%- endmacro %}
