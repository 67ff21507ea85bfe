{#- The key a source label is matched on in the mapping seeds: cleaned (clean_text), accents
    stripped and lowercased, so that "Funcionario Público" and "Funcionario público" match one row.
    Empty labels are null. -#}
{% macro label_key(expression) -%}
    lower({{ strip_accents(clean_text(expression)) }})
{%- endmacro %}
