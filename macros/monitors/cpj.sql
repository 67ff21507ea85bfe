{#- CPJ's killed list, a monitor plug-in (macros/monitors.sql): models/monitors/cpj/,
    seeds/monitors/cpj/, its exports (vintages) in seeds/external/cpj_killed_*/. The year check reads
    the vintages whose layout has a year column (the 2017 legacy download dates by Date only; the
    2020 cleaned copy also holds prison-census rows, which are observations, not records).
    observations: CPJ's prison census (journalists in custody on 1 December of each census year),
    in the state-observation contract (macros/monitors.sql, monitor_observation_columns). -#}
{% macro monitor__cpj() %}
    {{ return({
        'records': 'cpj__monitor_records',
        'staged': 'stg_cpj__killed_journalists',
        'catalogue': 'cpj__source',
        'year': {'tables': [['cpj', 'killed_journalists'], ['cpj', 'killed_journalists_2020'], ['cpj', 'killed_journalists_2018_api']], 'column': 'year'},
        'observations': {'records': 'cpj__custody_observations', 'staged': 'stg_cpj__prison_census'},
    }) }}
{% endmacro %}


{#- The one rule that tells a prison-census row from a killed-list row in a file that holds both
    (the 2020 cleaned copy): its status is Imprisoned. stg_cpj__prison_census stages the rows for
    which it holds, stg_cpj__killed_journalists every other row (an empty status included), so
    that each row of the file is staged once. `status` is the staged (cleaned) column. -#}
{% macro cpj_is_census_row(status) -%}
    coalesce(lower({{ status }}) = 'imprisoned', false)
{%- endmacro %}
