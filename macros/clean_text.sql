{#- A text cell of a monitor's export, cleaned in staging: trimmed, inner runs of white space
    folded to one space, empty as null. The value is otherwise kept as published. -#}
{% macro clean_text(expression) -%}
    nullif(trim({{ regexp_replace_all(expression, regex('\\s+'), "' '") }}), '')
{%- endmacro %}
