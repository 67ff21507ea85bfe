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
    where new_actions.load_batch_id > {{ appended_watermark() }}
    {%- endset -%}
    {{ appended_partitions([ref('fct_legal_actions'), ref('fct_incidents')], extra=related) }}
{%- endmacro %}

{#- The partitions an append changes in incidents_monthly: those of its new incidents and new
    victims (a month's counts read nothing outside its country and period). -#}
{% macro incidents_monthly_partitions() -%}
    {{ appended_partitions([ref('fct_incidents'), ref('fct_incident_victims')]) }}
{%- endmacro %}

{#- The persons whose rows an append changes in sdg_16_10_1_victims: a person counts under their
    person-level group and sex (dim_victims), once per type from all their appearances, and an
    appearance a linked record of another source outranks is counted under that record's type.
    So a person's rows change when the person (dim_victims, rolled up again for an appearance of a
    new batch), one of their appearances (fct_incident_victims, rewritten with a new batch) or an
    appearance linked to one of theirs (fct_person_links, and that appearance's person) carries a
    batch newer than the watermark. The same persons as the model's load_batch_id > watermark. -#}
{% macro sdg_persons_to_recount() -%}
    {%- set batch = appended_watermark() -%}
    select persons.victim_key
    from {{ ref('dim_victims') }} as persons
    where persons.load_batch_id > {{ batch }}

    union

    select appearances.victim_key
    from {{ ref('fct_incident_victims') }} as appearances
    where appearances.load_batch_id > {{ batch }}

    union

    select appearances.victim_key
    from (
        select links.incident_victim_id_a as incident_victim_id, links.incident_victim_id_b as linked_incident_victim_id
        from {{ ref('fct_person_links') }} as links
        union all
        select links.incident_victim_id_b as incident_victim_id, links.incident_victim_id_a as linked_incident_victim_id
        from {{ ref('fct_person_links') }} as links
    ) as pairs
    inner join {{ ref('fct_incident_victims') }} as appearances
        on pairs.incident_victim_id = appearances.incident_victim_id
    inner join {{ ref('fct_incident_victims') }} as linked
        on pairs.linked_incident_victim_id = linked.incident_victim_id
    left join {{ ref('dim_victims') }} as linked_persons
        on linked.victim_key = linked_persons.victim_key
    where linked.load_batch_id > {{ batch }} or linked_persons.load_batch_id > {{ batch }}
{%- endmacro %}

{#- The incidents whose rows an append changes in public_incident_register, every row of each (a
    withheld victim or perpetrator withholds the texts of the whole incident): those with a row the
    append rewrote in incident_register, and those whose texts name a text a new batch withholds
    (withheld_names: a name withheld now may appear in an older incident of the country). -#}
{% macro public_register_incidents_to_rebuild() -%}
    {%- set batch = appended_watermark() -%}
    select register.incident_key
    from {{ ref('incident_register') }} as register
    where register.load_batch_id > {{ batch }}

    union

    select register.incident_key
    from {{ ref('incident_register') }} as register
    inner join {{ ref('withheld_names') }} as withheld_names
        on
            register.country_code = withheld_names.country_code
            and {{ mentions_withheld('withheld_names', ['register.event_summary', 'register.source_record_locator',
                'register.perpetrator_description']) }}
    where
        withheld_names.load_batch_id > {{ batch }}
        and withheld_names.text_kind in ('name', 'surname', 'private_person')
{%- endmacro %}

{#- The cells (event country, event year) an append changes in source_comparison: a group counts
    in the cell of its most serious record's country and its earliest year, so a new record may
    move its group from one cell to another. Every country and every year of the records of the
    groups with a record of a new batch (fct_linked_records.load_batch_id is the group's newest):
    their product holds each such group's cell before and after. -#}
{% macro source_comparison_cells() -%}
    select distinct
        records.event_country_code as country_code,
        records.event_year as period_year
    from {{ ref('fct_linked_records') }} as records
    where records.load_batch_id > {{ appended_watermark() }} and records.event_year is not null
{%- endmacro %}
