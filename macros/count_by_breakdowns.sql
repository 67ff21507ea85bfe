{#-
    Counts the rows of `relation` where `where` holds (on its alias `counted`) overall ('total' /
    'all') and by each breakdown column, as rows of (country_code, period_year, measure, breakdown,
    breakdown_value, measure_value, unit). An empty breakdown value is counted as 'unknown'.
    Each count reads the relation itself, only the columns it groups by: a CTE read once per
    breakdown would be materialized whole (at 10M victims, every column of every row).
-#}
{% macro count_by_breakdowns(relation, measure, breakdowns, where=none) -%}
    select
        counted.country_code,
        counted.period_year,
        '{{ measure }}' as measure,
        'total' as breakdown,
        'all' as breakdown_value,
        count(*) as measure_value,
        'count' as unit
    from {{ relation }} as counted
    {%- if where %}
    where {{ where }}
    {%- endif %}
    group by counted.country_code, counted.period_year
    {%- for breakdown in breakdowns %}

    union all

    select
        counted.country_code,
        counted.period_year,
        '{{ measure }}' as measure,
        '{{ breakdown }}' as breakdown,
        coalesce(cast(counted.{{ breakdown }} as {{ dbt.type_string() }}), 'unknown') as breakdown_value,
        count(*) as measure_value,
        'count' as unit
    from {{ relation }} as counted
    {%- if where %}
    where {{ where }}
    {%- endif %}
    group by counted.country_code, counted.period_year, counted.{{ breakdown }}
    {%- endfor %}
{%- endmacro %}
