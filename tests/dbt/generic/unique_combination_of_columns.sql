{#- Fails for every combination of the given columns that occurs more than once (in an append:
    checked for the new batches' rows, macros/append_scope.sql, repeated_keys). -#}
{% test unique_combination_of_columns(model, combination_of_columns) %}

{{ repeated_keys(model, combination_of_columns) }}

{% endtest %}
