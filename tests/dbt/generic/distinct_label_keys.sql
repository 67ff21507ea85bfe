{#- A mapping seed's source labels: each one has a key (label_key: cleaned, accents stripped,
    lowercased) and no two labels share one, so that every label a monitor publishes meets at
    most one row of the seed. Fails on each empty or shared key. -#}
{% test distinct_label_keys(model, column_name) %}

select
    {{ label_key(column_name) }} as label_key,
    count(*) as labels
from {{ model }}
group by {{ label_key(column_name) }}
having {{ label_key(column_name) }} is null or count(*) > 1

{% endtest %}
