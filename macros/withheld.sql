{#- The confidentiality rule's text in public outputs. A public model that shows free text (a
    summary, a locator, a figure's wording) replaces it with withheld_text() when it mentions a
    withheld name (marts.withheld_names); mentions_withheld(...) is that test, for a join of the
    row to withheld_names on the country. -#}
{% macro withheld_text() -%}
    'withheld (it may name a person whose name is withheld)'
{%- endmacro %}


{% macro mentions_withheld(names, texts) -%}
    contains(lower(concat_ws(' ', {{ texts | join(', ') }})), {{ names }}.withheld_text)
{%- endmacro %}
