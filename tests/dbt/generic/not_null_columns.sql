{#- Fails for every listed column that is empty (null) in some row: one row per such column, with
    the number of empty rows. One test per model reads the relation once for all its columns, where
    a `not_null` test per column read it once each (a view was computed again for each column, and
    each test was a node of its own). In an append it reads only the new batches' rows
    (macros/append_scope.sql). A table with an enforced contract says its not-null columns as
    constraints instead, checked by the database on every write. -#}
{% test not_null_columns(model, column_names) %}

with

counted as (

    select
        {% for column in column_names -%}
        count(case when {{ column }} is null then 1 end) as empty_{{ loop.index }}{{ ',' if not loop.last }}
        {% endfor %}
    from {{ model }}

),

per_column as (

    {% for column in column_names -%}
    select
        '{{ column }}' as column_name,
        counted.empty_{{ loop.index }} as empty_rows
    from counted
    {{ 'union all' if not loop.last }}
    {% endfor %}

)

select
    per_column.column_name,
    per_column.empty_rows
from per_column
where per_column.empty_rows > 0

{% endtest %}
