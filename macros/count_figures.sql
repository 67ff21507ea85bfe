{#-
    Register counts shaped like published figures: for each (metric, dimension key, filter) in
    `figures`, the rows of `relation` counted by country, period and reference year, as
    (country_code, period_year, reference_year, metric, dimension_key, register_value).
    `metric` and `key` are SQL expressions; `where` is an optional extra condition.
-#}
{% macro count_figures(relation, reference_year, figures) -%}
    {%- for figure in figures %}
    select
        {{ relation }}.country_code,
        {{ relation }}.period_year,
        {{ reference_year }} as reference_year,
        {{ figure.metric }} as metric,
        {{ figure.key }} as dimension_key,
        count(*) as register_value
    from {{ relation }}
    {%- if figure.where %}
    where {{ figure.where }}
    {%- endif %}
    group by all
    {%- if not loop.last %}

    union all
    {% endif %}
    {%- endfor %}
{%- endmacro %}
