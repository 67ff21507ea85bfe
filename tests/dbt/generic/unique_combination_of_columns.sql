{#- Fails for every combination of the given columns that occurs more than once (in an append:
    checked for the new batches' rows against the whole table, macros/append_scope.sql). -#}
{% test unique_combination_of_columns(model, combination_of_columns) %}

{{ repeated_keys(model, combination_of_columns) }}

{% endtest %}
