{#-
    Counts the rows of a CTE overall ('total' / 'all') and by each breakdown column, as rows of
    (country_code, period_year, measure, breakdown, breakdown_value, measure_value, unit). An empty
    breakdown value is counted as 'unknown'.
-#}
{% macro count_by_breakdowns(relation, measure, breakdowns) -%}
    select
        {{ relation }}.country_code,
        {{ relation }}.period_year,
        '{{ measure }}' as measure,
        'total' as breakdown,
        'all' as breakdown_value,
        count(*) as measure_value,
        'count' as unit
    from {{ relation }}
    group by {{ relation }}.country_code, {{ relation }}.period_year
    {%- for breakdown in breakdowns %}

    union all

    select
        {{ relation }}.country_code,
        {{ relation }}.period_year,
        '{{ measure }}' as measure,
        '{{ breakdown }}' as breakdown,
        coalesce(cast({{ relation }}.{{ breakdown }} as {{ dbt.type_string() }}), 'unknown') as breakdown_value,
        count(*) as measure_value,
        'count' as unit
    from {{ relation }}
    group by {{ relation }}.country_code, {{ relation }}.period_year, {{ relation }}.{{ breakdown }}
    {%- endfor %}
{%- endmacro %}
