{#- The partitions (country_code, period_year) an append changes in impunity_tracker: those of
    its new legal actions (a new stage rewrites its action with the new batch's id) and new
    incidents, and those of the incidents a new legal action relates to (they may stop being
    incidents without a case). macros/append_scope.sql says how a partitioned mart uses it. -#}
{% macro impunity_tracker_partitions() -%}
    {%- set related -%}
    select distinct related.country_code, related.period_year
    from {{ scope_ref('fct_legal_actions') }} as new_actions
    inner join {{ scope_ref('fct_incidents') }} as related
        on new_actions.related_incident_key = related.incident_key
    where new_actions.load_batch_id > {{ appended_watermark() }}
    {%- endset -%}
    {{ appended_partitions([scope_ref('fct_legal_actions'), scope_ref('fct_incidents')], extra=related) }}
{%- endmacro %}

{#- The partitions an append changes in incidents_monthly: those of its new incidents and new
    victims (a month's counts read nothing outside its country and period). -#}
{% macro incidents_monthly_partitions() -%}
    {{ appended_partitions([scope_ref('fct_incidents'), scope_ref('fct_incident_victims')]) }}
{%- endmacro %}

{#- What a person's SDG count reads, as one row per input with its load batch: a person counts
    under their person-level group and sex (dim_victims), once per type from all their appearances
    (fct_incident_victims), and an appearance a linked record of another source outranks is counted
    under that record's type (fct_person_links, the linked appearance and its person). So the
    inputs of the persons of `appearances` (a relation or CTE of fct_incident_victims rows) are
    those appearances, their persons, the appearances linked to theirs and those persons. The one
    home of that rule: sdg_16_10_1_victims.load_batch_id is the newest batch among a person's
    inputs, and an append recounts the persons with an input newer than its watermark
    (sdg_persons_to_recount). Each branch keeps one batch column, so a filter on it reaches the
    scan of the table it comes from. -#}
{% macro sdg_count_input_batches(appearances) -%}
    {%- set links -%}
    (
        select links.incident_victim_id_a as incident_victim_id, links.incident_victim_id_b as linked_incident_victim_id
        from {{ ref('fct_person_links') }} as links
        union all
        select links.incident_victim_id_b as incident_victim_id, links.incident_victim_id_a as linked_incident_victim_id
        from {{ ref('fct_person_links') }} as links
    )
    {%- endset -%}
    select appearances.victim_key, appearances.load_batch_id
    from {{ appearances }} as appearances

    union all

    select appearances.victim_key, persons.load_batch_id
    from {{ appearances }} as appearances
    inner join {{ ref('dim_victims') }} as persons
        on appearances.victim_key = persons.victim_key

    union all

    select appearances.victim_key, linked.load_batch_id
    from {{ appearances }} as appearances
    inner join {{ links }} as pairs
        on appearances.incident_victim_id = pairs.incident_victim_id
    inner join {{ ref('fct_incident_victims') }} as linked
        on pairs.linked_incident_victim_id = linked.incident_victim_id

    union all

    select appearances.victim_key, linked_persons.load_batch_id
    from {{ appearances }} as appearances
    inner join {{ links }} as pairs
        on appearances.incident_victim_id = pairs.incident_victim_id
    inner join {{ ref('fct_incident_victims') }} as linked
        on pairs.linked_incident_victim_id = linked.incident_victim_id
    inner join {{ ref('dim_victims') }} as linked_persons
        on linked.victim_key = linked_persons.victim_key
{%- endmacro %}

{#- The persons whose rows an append changes in sdg_16_10_1_victims: those with an input to their
    count (sdg_count_input_batches) of a batch newer than the watermark. -#}
{% macro sdg_persons_to_recount() -%}
    select inputs.victim_key
    from ({{ sdg_count_input_batches(ref('fct_incident_victims')) }}) as inputs
    where inputs.load_batch_id > {{ appended_watermark() }}
{%- endmacro %}

{#- The incidents whose rows an append changes in public_incident_register, every row of each (a
    withheld victim or perpetrator withholds the texts of the whole incident): those with a row the
    append rewrote in incident_register, and those whose texts name a text a new batch withholds
    (withheld_names: a name withheld now may appear in an older incident of the country). -#}
{% macro public_register_incidents_to_rebuild() -%}
    {%- set batch = appended_watermark() -%}
    select register.incident_key
    from {{ scope_ref('incident_register') }} as register
    where register.load_batch_id > {{ batch }}

    union

    select register.incident_key
    from {{ scope_ref('incident_register') }} as register
    inner join {{ scope_ref('withheld_names') }} as withheld_names
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
    from {{ scope_ref('fct_linked_records') }} as records
    where records.load_batch_id > {{ appended_watermark() }} and records.event_year is not null
{%- endmacro %}

{#- The rows of an input of int_victim_appearances (an incident victim or a legal action, read
    from `relation`) that a run decides, as a relation to select from: all in a full build; in an
    append those of a newer batch, and those whose person records of several sources link, now
    (int_person_groups) or when the table was built (a victim_key not its own), since a new link
    may give them another victim_key (read from the table's own rows, where each appearance keeps
    both keys). On DuckDB each condition is a query of its own (as newer_batch_rows): with `or`,
    DuckDB could not tell how few appearances are relinked, and hashed every older row of the
    input to find them; on Spark one predicate (whole partitions). -#}
{% macro victim_appearances_to_build(relation, id_column, appearance_type) -%}
    {%- if not is_incremental() -%}
        {{ return(relation) }}
    {%- endif -%}
    {%- set relinked -%}
        in (
            select published.appearance_id
            from {{ this }} as published
            where
                published.appearance_type = '{{ appearance_type }}'
                and published.victim_key != published.source_victim_key
            union all
            select published.appearance_id
            from {{ this }} as published
            where
                published.appearance_type = '{{ appearance_type }}'
                and published.source_victim_key in (
                    select linked.source_victim_key from {{ ref('int_person_groups') }} as linked
                )
        )
    {%- endset -%}
    {%- if rebuilds_whole_partitions() -%}
        {%- set condition = 'inputs.load_batch_id > ' ~ load_batch_watermark() ~ ' or inputs.' ~ id_column ~ ' ' ~ relinked -%}
        {{ return('(select inputs.* from ' ~ relation ~ ' as inputs where ' ~ rows_to_rebuild('inputs', condition, relation) ~ ')') }}
    {%- endif %}
    (
        select inputs.* from {{ relation }} as inputs
        where inputs.load_batch_id > {{ load_batch_watermark() }}
        union all
        select inputs.* from {{ relation }} as inputs
        where inputs.load_batch_id <= {{ load_batch_watermark() }} and inputs.{{ id_column }} {{ relinked }}
    )
{%- endmacro %}
