{#- dbt's unique test, with the same meaning; in an append the new batches' keys are checked
    without grouping every row (macros/append_scope.sql, repeated_keys). -#}
{% test unique(model, column_name) %}

select
    repeated.{{ column_name }} as unique_field,
    repeated.occurrences as n_records
from (
    {{ repeated_keys(model, [column_name], where=column_name ~ ' is not null') }}
) as repeated

{% endtest %}
