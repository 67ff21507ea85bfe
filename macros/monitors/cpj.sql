{#- CPJ's killed list, a monitor plug-in (macros/monitors.sql): models/monitors/cpj/,
    seeds/monitors/cpj/, its exports (vintages) in seeds/external/cpj_killed_*/. The year check reads
    the vintages whose layout has a year column (the 2017 legacy download dates by Date only). -#}
{% macro monitor__cpj() %}
    {{ return({
        'records': 'cpj__monitor_records',
        'staged': 'stg_cpj__killed_journalists',
        'catalogue': 'cpj__source',
        'year': {'tables': [['cpj', 'killed_journalists'], ['cpj', 'killed_journalists_2020'], ['cpj', 'killed_journalists_2018_api']], 'column': 'year'},
    }) }}
{% endmacro %}
