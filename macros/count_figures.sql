{#-
    Register counts shaped like published figures: for each figure of `figures`, the rows of
    `relation` counted by country, period and reference year, with the figure's breakdown in the
    one encoding of a figure and its breakdown that fct_reported_statistics uses: up to three
    (dimension_N_name, dimension_N_value) pairs, empty when unused.
    figures: [{'metric': SQL expression, 'dimensions': [(name, SQL value expression), ...],
    'where': optional extra condition}]
-#}
{% macro count_figures(relation, reference_year, figures) -%}
    {%- for figure in figures %}
    {%- set dimensions = figure.get('dimensions', []) %}
    select
        {{ relation }}.country_code,
        {{ relation }}.period_year,
        {{ reference_year }} as reference_year,
        {{ figure.metric }} as metric,
        {{ dimension_columns(dimensions) }},
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


{#- The (dimension_N_name, dimension_N_value) columns, N = 1..3, of a list of (name, SQL value
    expression) pairs; the unused ones are null. -#}
{% macro dimension_columns(dimensions) -%}
    {%- for n in range(3) -%}
        {%- if n < dimensions | length -%}
            '{{ dimensions[n][0] }}' as dimension_{{ n + 1 }}_name,
            cast({{ dimensions[n][1] }} as {{ dbt.type_string() }}) as dimension_{{ n + 1 }}_value
        {%- else -%}
            cast(null as {{ dbt.type_string() }}) as dimension_{{ n + 1 }}_name,
            cast(null as {{ dbt.type_string() }}) as dimension_{{ n + 1 }}_value
        {%- endif -%}
        {{ ",\n        " if not loop.last }}
    {%- endfor -%}
{%- endmacro %}
