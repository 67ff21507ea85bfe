{#- The partitions (country_code, period_year) an append changes in impunity_tracker: those of
    its new legal actions (a new stage rewrites its action with the new batch's id) and new
    incidents, and those of the incidents a new legal action relates to (they may stop being
    incidents without a case). macros/append_scope.sql says how a partitioned mart uses it. -#}
{% macro impunity_tracker_partitions() -%}
    {%- set related -%}
    select distinct related.country_code, related.period_year
    from {{ ref('fct_legal_actions') }} as new_actions
    inner join {{ ref('fct_incidents') }} as related
        on new_actions.related_incident_key = related.incident_key
    where new_actions.load_batch_id > {{ appended_after_batch() | int if appended_after_batch() is not none else -1 }}
    {%- endset -%}
    {{ appended_partitions([ref('fct_legal_actions'), ref('fct_incidents')], extra=related) }}
{%- endmacro %}

{#- The partitions an append changes in incidents_monthly: those of its new incidents and new
    victims (a month's counts read nothing outside its country and period). -#}
{% macro incidents_monthly_partitions() -%}
    {{ appended_partitions([ref('fct_incidents'), ref('fct_incident_victims')]) }}
{%- endmacro %}
