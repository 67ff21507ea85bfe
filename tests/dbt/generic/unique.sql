{#- dbt's unique test, with the same meaning; in an append the new batches' keys are checked
    without grouping every row (macros/append_scope.sql, repeated_keys). -#}
{% test unique(model, column_name) %}

with keyed as (
    select {{ column_name }} as unique_field{% if appended_after_batch() is not none and tested_relation_has_load_batches() %}, load_batch_id{% endif %}
    from {{ model }}
    where {{ column_name }} is not null
),

repeated as (
    {{ repeated_keys('keyed', ['unique_field']) }}
)

select unique_field, occurrences as n_records from repeated

{% endtest %}
