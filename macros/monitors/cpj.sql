{#- CPJ's killed list, a monitor plug-in (macros/monitors.sql): models/monitors/cpj/,
    seeds/monitors/cpj/, the export in seeds/external/cpj_killed_1992_2022/. -#}
{% macro monitor__cpj() %}
    {{ return({
        'records': 'cpj__monitor_records',
        'staged': 'stg_cpj__killed_journalists',
        'catalogue': 'cpj__source',
        'year': {'tables': [['cpj', 'killed_journalists'], ['cpj', 'killed_journalists_2020']], 'column': 'year'},
    }) }}
{% endmacro %}
