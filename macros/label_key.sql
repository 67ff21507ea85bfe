{#- The key a source label is matched on in the mapping seeds: cleaned (clean_text), accents
    stripped and lowercased, so that "Funcionario Público" and "Funcionario público" match one row.
    Empty labels are null. -#}
{% macro label_key(expression) -%}
    lower({{ strip_accents(clean_text(expression)) }})
{%- endmacro %}

{#- The label a mapping reads for a cell: the cell, or '(not stated)' when it is empty, so that an
    empty cell is a label like any other: its mapping seed maps it, or assert_labels_mapped stops
    the build naming it; never a silent join miss. -#}
{% macro mapped_label(expression) -%}
    coalesce({{ expression }}, '(not stated)')
{%- endmacro %}
