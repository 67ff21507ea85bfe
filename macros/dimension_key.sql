{#-
    A canonical text key for a figure's breakdowns: "name=value" pairs sorted by name and
    joined by "|" ('' for a figure without breakdowns). With names_only=true, the key of the
    breakdown names alone ("gender|victim_group"): the shape of the figure.
-#}
{% macro dimension_key(pairs, names_only=false) -%}
    array_to_string(
        list_sort(
            list_filter(
                [
                    {%- for name, value in pairs %}
                    {{ name }}{% if not names_only %} || '=' || {{ value }}{% endif %}{{ "," if not loop.last }}
                    {%- endfor %}
                ],
                lambda entry: entry is not null
            )
        ),
        '|'
    )
{%- endmacro %}
