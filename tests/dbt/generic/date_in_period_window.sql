{#-
    Fails for rows whose date lies before `min_date` or after the end of the row's assessment
    period (31 December of period_year). Empty dates pass; not_null covers them where needed.
-#}
{% test date_in_period_window(model, column_name, min_date='1991-01-01', period_column='period_year') %}

select *
from {{ model }}
where
    {{ column_name }} is not null
    and (
        {{ column_name }} < cast('{{ min_date }}' as date)
        or {{ column_name }} > make_date({{ period_column }}, 12, 31)
    )

{% endtest %}
