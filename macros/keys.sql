{#-
    Natural-key rules shared by every model that names a victim or an outlet, so each rule lives
    in one place and facts can derive a key from their own row instead of joining for it.
-#}

{#- A victim (person, outlet or organisation): country, kind and identity (victim_identity: the
    normalised name, or the record for sources that list each person once); an unnamed
    victim is identified by the row that reports it. -#}
{% macro victim_key(country_column, victim_type_column, victim_identity_column, row_id_column) -%}
    {{ surrogate_key([country_column, victim_type_column, 'coalesce(' ~ victim_identity_column ~ ', ' ~ row_id_column ~ ')']) }}
{%- endmacro %}

{#- What tells a named victim apart within its country (int_sources.victim_identity_rule): the name,
    for sources where one name is one person across records (an assessment's register), or the
    record's event, for sources that list each person once (a list of the killed: a person is
    killed once, so two records with one name are two people). An unnamed victim stays identified by its row. -#}
{% macro victim_identity(rule_column, victim_name_column, event_id_column) -%}
    case when {{ rule_column }} = 'record' and {{ victim_name_column }} is not null then 'record ' || {{ event_id_column }} else {{ victim_name_column }} end
{%- endmacro %}

{#- The outlet concerned by a victim row: the victim's employer, or the victim itself when it is an outlet. -#}
{% macro affected_outlet_name(outlet_name_column, victim_type_column, victim_name_column) -%}
    coalesce({{ outlet_name_column }}, case when {{ victim_type_column }} = 'outlet' then {{ victim_name_column }} end)
{%- endmacro %}

{#- A media outlet: its country and its normalised name (null when there is no name). -#}
{% macro outlet_key(country_column, outlet_name_column) -%}
    case when {{ outlet_name_column }} is not null then
        {{ surrogate_key([country_column, outlet_name_column]) }}
    end
{%- endmacro %}
