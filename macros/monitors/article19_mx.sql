{#- Article 19 Mexico's register of aggressions, a monitor plug-in (macros/monitors.sql):
    models/monitors/article19_mx/, seeds/monitors/article19_mx/, the export in
    seeds/external/article19_mx_2012_2016/. -#}
{% macro monitor__article19_mx() %}
    {{ return({
        'records': 'article19_mx__monitor_records',
        'staged': 'stg_article19_mx__aggressions',
        'catalogue': 'article19_mx__source',
    }) }}
{% endmacro %}
