{#- The value of `value_column` a key holds most often among the rows of `relation` (a CTE or a
    relation), one row per key, with how often (row_count): a tie goes to the smaller value, so
    every engine gives the same. Null is a value like any other unless `ignore_nulls` (then a key
    with no value has no row); a null that ties is taken last. (Spark refuses an aggregate inside
    QUALIFY's window, so the order names the count's alias.) -#}
{% macro most_frequent_value(relation, key_column, value_column, ignore_nulls=false) -%}
    select
        {{ relation }}.{{ key_column }},
        {{ relation }}.{{ value_column }},
        count(*) as row_count

    from {{ relation }}
    {%- if ignore_nulls %}
    where {{ relation }}.{{ value_column }} is not null
    {%- endif %}
    group by {{ relation }}.{{ key_column }}, {{ relation }}.{{ value_column }}
    qualify row_number() over (
        partition by {{ relation }}.{{ key_column }}
        order by row_count desc, {{ relation }}.{{ value_column }} asc nulls last
    ) = 1
{%- endmacro %}
