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


{#- CPJ's country rule, one home for every CPJ model that places a row in a country (the killed
    list's records in int_cpj__records_checked, the census rows in cpj__custody_observations):
    a row is placed by its CPJ country name's code (xwalk_cpj__country), except where the name
    spans several countries: a name xwalk_cpj__location_country lists is placed by the row's
    location there only ('(not stated)' for an empty location). The model imports the seeds as
    the CTEs countries (xwalk_cpj__country), locations (xwalk_cpj__location_country) and
    split_countries (the distinct cpj_country of locations); `alias` is the row's relation, with
    country_name and location_name. cpj_placement_joins() goes in its FROM clause,
    cpj_placement_columns() in its select list (is_placed_by_location, country_code,
    placement_basis: the seed row's basis, the quarantine reason of a row that does not place). -#}
{% macro cpj_placement_joins(alias) -%}
    left join countries
        on {{ label_key(alias ~ '.country_name') }} = {{ label_key('countries.cpj_country') }}
    left join split_countries
        on {{ label_key(alias ~ '.country_name') }} = {{ label_key('split_countries.cpj_country') }}
    left join locations
        on
            {{ label_key(alias ~ '.country_name') }} = {{ label_key('locations.cpj_country') }}
            and {{ label_key("coalesce(" ~ alias ~ ".location_name, '(not stated)')") }} = {{ label_key('locations.location') }}
{%- endmacro %}

{% macro cpj_placement_columns() -%}
    split_countries.cpj_country is not null as is_placed_by_location,
        case
            when split_countries.cpj_country is not null then locations.country_code
            else countries.country_code
        end as country_code,
        case
            when split_countries.cpj_country is not null then locations.basis
            else countries.basis
        end as placement_basis
{%- endmacro %}
