{#-
    What an append tests. `make append` (and the benchmark's append) sets the watermark, the
    newest load batch the published warehouse holds (tools/load_batch_watermark.py), in the
    environment variable JSI_APPEND_AFTER_LOAD_BATCH; the var append_after_load_batch sets it too
    (unit tests, a dbt command by hand) and wins. The variable is read when dbt runs a node, never
    while it parses: a var that changes at each delivery made dbt parse the whole project again
    (about 10 s of a 10M append), and an environment variable read at parse time would make it
    parse every file that reads it. In that run:
    - a row-level test (the kinds in var append_row_level_tests) of a relation that carries
      load_batch_id reads only the rows of newer batches, i.e. the rows this run wrote: the older
      rows passed the same test when they were published, and an append only adds or rewrites
      rows with the new batch's id;
    - a uniqueness test keeps its whole-table meaning, cheaply: the new keys must be unique among
      themselves and must not repeat a key of an older batch (tests/dbt/generic/unique*.sql); of
      the model's own unique_key under delete+insert, which replaces an older row of a key it
      writes, only the first is looked for (repeated_keys).
    Without the watermark (a full build, dbt test alone, any other run) every test reads whole
    tables.
-#}
{% macro appended_after_batch() -%}
    {%- set watermark = var('append_after_load_batch', none) -%}
    {%- if watermark is none and execute -%}
        {%- set watermark = env_var('JSI_APPEND_AFTER_LOAD_BATCH', '') | trim or none -%}
    {%- endif -%}
    {{ return(watermark) }}
{%- endmacro %}

{#- The append's watermark as a number: -1 (every batch is new) outside an append. -#}
{% macro appended_watermark() -%}
    {{ return(appended_after_batch() | int if appended_after_batch() is not none else -1) }}
{%- endmacro %}

{#- Whether the relation under test (the test node's attached model) carries load batches. -#}
{% macro tested_relation_has_load_batches() -%}
    {%- set attached = model.get('attached_node') if model is mapping else none -%}
    {%- set node = graph.nodes.get(attached) if attached else none -%}
    {{ return(node is not none and 'load_batch_id' in node.get('columns', {})) }}
{%- endmacro %}

{#- The rows an append writes in a model it rebuilds in part that carries no load_batch_id (a mart
    rebuilt by partition or by key): the predicate the model's pre-hook deletes by, which after the
    run holds for exactly the rows the run wrote (the model writes only in what it deleted). The one
    list of those models; none for any other. Outside an append, every row ('true'). -#}
{% macro rewritten_rows(model_name) -%}
    {%- if model_name == 'impunity_tracker' -%}
        {{ return(in_partitions_to_rebuild(none, impunity_tracker_partitions())) }}
    {%- elif model_name == 'incidents_monthly' -%}
        {{ return(in_partitions_to_rebuild(none, incidents_monthly_partitions())) }}
    {%- elif model_name == 'source_comparison' -%}
        {{ return(in_partitions_to_rebuild(none, source_comparison_cells(), ['country_code', 'event_year'])) }}
    {%- elif model_name == 'public_incident_register' -%}
        {{ return(in_keys_to_rebuild('incident_key', public_register_incidents_to_rebuild())) }}
    {%- endif -%}
    {{ return(none) }}
{%- endmacro %}

{#- In a test of an append: the rows the append wrote in the tested model, when it is one of
    rewritten_rows; none otherwise, and on Spark (whose insert_overwrite rewrites whole partitions:
    its tests read whole tables). -#}
{% macro tested_rewritten_rows() -%}
    {%- set attached = model.get('attached_node') if model is mapping else none -%}
    {%- set node = graph.nodes.get(attached) if attached else none -%}
    {%- if node is none or appended_after_batch() is none or rebuilds_whole_partitions() -%}
        {{ return(none) }}
    {%- endif -%}
    {{ return(rewritten_rows(node.name)) }}
{%- endmacro %}

{#- ref(name) in the macros that say what an append rewrites (append_changes.sql), which a test
    of the model calls too (tested_rewritten_rows). dbt lets a node ref only the nodes it depends
    on, and a generic test depends on its model alone, so at run time a test takes the relation
    from the graph: the model it tests was built after them. -#}
{% macro scope_ref(name) -%}
    {%- if execute and model is mapping and model.get('resource_type') == 'test' -%}
        {%- set node = graph.nodes.get('model.' ~ project_name ~ '.' ~ name) -%}
        {{ return(api.Relation.create(database=node.database, schema=node.schema, identifier=node.alias)) }}
    {%- endif -%}
    {{ return(ref(name)) }}
{%- endmacro %}

{#- The filter of an append's rows, when this test reads only them; none otherwise. -#}
{% macro appended_rows_filter() -%}
    {%- set batch = appended_after_batch() -%}
    {%- set kind = model.get('test_metadata', {}).get('name') if model is mapping else none -%}
    {%- if batch is not none and kind in var('append_row_level_tests') -%}
        {%- if tested_relation_has_load_batches() -%}
            {{ return('load_batch_id > ' ~ (batch | int)) }}
        {%- endif -%}
        {%- set rewritten = tested_rewritten_rows() -%}
        {%- if rewritten is not none -%}
            {{ return('(' ~ rewritten ~ ')') }}
        {%- endif -%}
    {%- endif -%}
    {{ return(none) }}
{%- endmacro %}

{#- dbt's test `where` (config), plus the append's batch filter for row-level tests. Overrides
    dbt's get_where_subquery, which wraps the relation a generic test reads. -#}
{% macro get_where_subquery(relation) -%}
    {%- set conditions = [] -%}
    {%- set where = config.get('where', '') -%}
    {%- if where -%}{%- do conditions.append('(' ~ where ~ ')') -%}{%- endif -%}
    {%- set batch_filter = appended_rows_filter() -%}
    {%- if batch_filter -%}{%- do conditions.append(batch_filter) -%}{%- endif -%}
    {%- if conditions -%}
        {%- set filtered -%}
            (select * from {{ relation }} where {{ conditions | join(' and ') }}) dbt_subquery
        {%- endset -%}
        {{ return(filtered) }}
    {%- endif -%}
    {{ return(relation) }}
{%- endmacro %}

{#- Whether the test checks the unique_key of an incremental model built by delete+insert: in an
    append, dbt deletes every row whose key the run writes before inserting, so a written key
    cannot repeat an older row's; only the written rows can repeat among themselves. -#}
{% macro tested_key_is_replaced_on_write() -%}
    {%- set attached = model.get('attached_node') if model is mapping else none -%}
    {%- set node = graph.nodes.get(attached) if attached else none -%}
    {%- if node is none or node.config.get('materialized') != 'incremental'
          or node.config.get('incremental_strategy') != 'delete+insert' -%}
        {{ return(false) }}
    {%- endif -%}
    {%- set unique_key = node.config.get('unique_key') -%}
    {%- set kwargs = model.get('test_metadata', {}).get('kwargs', {}) -%}
    {%- set tested = kwargs.get('combination_of_columns') or [kwargs.get('column_name')] -%}
    {%- set model_keys = [unique_key] if unique_key is string else (unique_key or []) -%}
    {{ return(model_keys | length > 0 and (model_keys | sort | list) == (tested | sort | list)) }}
{%- endmacro %}

{#- Keys (one column or a combination) repeated in the relation, among its rows where `where`
    holds (none: all): the whole table, or in an append the keys of the rows it wrote (of a newer
    batch, or rewritten_rows) repeated among themselves or clashing with an older row's key (not
    looked for when the model's delete+insert replaces the older row: tested_key_is_replaced_on_write,
    which spares a scan of every key of a large table). The older rows' keys are looked up in the
    new keys, so the hash table holds the few new keys, not every older one; the relation is read
    where it is used, not as a CTE of every row (which DuckDB would materialize to read it twice). -#}
{% macro repeated_keys(relation, key_columns, where=none) -%}
    {%- set keys = key_columns | join(', ') -%}
    {%- set batch = appended_after_batch() -%}
    {%- set also = ' and (' ~ where ~ ')' if where else '' -%}
    {%- set written = none -%}
    {%- if batch is not none and tested_relation_has_load_batches() -%}
        {%- set written = 'load_batch_id > ' ~ (batch | int) -%}
        {%- set earlier = 'load_batch_id <= ' ~ (batch | int) -%}
    {%- elif batch is not none -%}
        {%- set rewritten = tested_rewritten_rows() -%}
    {%- endif -%}
    {%- if rewritten is defined and rewritten is not none %}
    {#- rows the append rewrote (rewritten_rows): the keys of every row, looked up in the few
        rewritten rows' keys, counted; the predicate is read once, where reading the older rows
        by its negation computed it twice and probed every row with it -#}
    select {{ keys }}, count(*) as occurrences
    from {{ relation }}
    where
        ({{ keys }}) in (
            select ({{ keys }}) from {{ relation }}
            where ({{ rewritten }}){{ also }}
        ){{ also }}
    group by {{ keys }}
    having count(*) > 1
    {%- elif written is not none and tested_key_is_replaced_on_write() %}
    select {{ keys }}, count(*) as occurrences
    from {{ relation }}
    where {{ written }}{{ also }}
    group by {{ keys }}
    having count(*) > 1
    {%- elif written is not none %}
    with

    appended as (
        select {{ keys }} from {{ relation }}
        where {{ written }}{{ also }}
    ),

    repeated_among_appended as (
        select {{ keys }}, count(*) as occurrences
        from appended
        group by {{ keys }}
        having count(*) > 1
    ),

    clashing_with_earlier as (
        select
            {% for key in key_columns -%}
            earlier.{{ key }},
            {% endfor -%}
            2 as occurrences
        from (select * from {{ relation }}) as earlier
        where
            {{ earlier }}{{ also }}
            and exists (
                select 1 from appended
                where
                    {% for key in key_columns -%}
                        appended.{{ key }} = earlier.{{ key }}{% if not loop.last %} and {% endif %}
                    {%- endfor %}
            )
    )

    select * from repeated_among_appended
    union all
    select * from clashing_with_earlier
    {%- else %}
    select {{ keys }}, count(*) as occurrences
    from {{ relation }}
    {%- if where %}
    where {{ where }}
    {%- endif %}
    group by {{ keys }}
    having count(*) > 1
    {%- endif %}
{%- endmacro %}

{#-
    Marts that aggregate rebuild, in an append, only the partitions (country_code, period_year)
    the new load batches touch. Such a mart is an incremental model (strategy append) whose
    pre-hook deletes the partitions it rebuilds and whose query keeps only their rows:

        {{ config(materialized='incremental', incremental_strategy='append',
                  pre_hook="{{ delete_rows_to_rebuild(rewritten_rows('<model>')) }}") }}
        ... where {{ in_partitions_to_rebuild('alias', <partitions sql>) }}

    with the model and in_partitions_to_rebuild(none, <partitions sql>) added to rewritten_rows
    (which the model's tests read in an append).

    <partitions sql> is appended_partitions([...relations with load_batch_id...], extra): every
    (country_code, period_year) of their rows newer than the watermark, plus `extra` (a select of
    country_code, period_year) for partitions a new row changes elsewhere. What is rebuilt is
    every combination of those countries and periods (a superset of the partitions, never less),
    deleted and recomputed with one predicate. In a full build, or an incremental run without the
    watermark, every partition is rebuilt. Only a mart whose partitions depend on nothing outside
    them (or whose `extra` names the partitions that do) may be partitioned this way.
-#}
{% macro rebuilds_appended_partitions_only() -%}
    {%- if model is mapping and model.get('resource_type') == 'test' -%}
        {#- a test of an append reads what the append wrote (tested_rewritten_rows) -#}
        {{ return(appended_after_batch() is not none and not rebuilds_whole_partitions()) }}
    {%- endif -%}
    {{ return(is_incremental() and appended_after_batch() is not none) }}
{%- endmacro %}

{% macro appended_partitions(relations, extra=none) -%}
    {%- set batch = appended_watermark() -%}
    {%- for relation in relations %}
    select distinct country_code, period_year from {{ relation }} where load_batch_id > {{ batch }}
    {%- if not loop.last %} union {% endif -%}
    {%- endfor %}
    {%- if extra %}
    union
    {{ extra }}
    {%- endif %}
{%- endmacro %}

{#- The rows of the partitions to rebuild, as a predicate on alias. In an append the partitions
    are read when the model runs and written out as literals (countries x periods), so DuckDB
    prunes on them as on any filter; the pre-hook's delete uses the same predicate. `columns` names
    alias's country and period columns (a mart by the event's year names event_year). -#}
{% macro in_partitions_to_rebuild(alias, partitions_sql, columns=['country_code', 'period_year']) -%}
    {%- if not rebuilds_appended_partitions_only() or not execute -%}
        {{ return('true') }}
    {%- endif -%}
    {%- set partitions = run_query('select distinct country_code, period_year from (' ~ partitions_sql ~ ') order by all') -%}
    {%- if partitions.rows | length == 0 -%}
        {{ return('false') }}
    {%- endif -%}
    {%- set countries = partitions.columns[0].values() | unique | list -%}
    {%- set periods = partitions.columns[1].values() | unique | list -%}
    {%- set quoted_countries = [] -%}
    {%- for country in countries -%}
        {%- do quoted_countries.append("'" ~ (country | replace("'", "''")) ~ "'") -%}
    {%- endfor -%}
    {%- set prefix = alias ~ '.' if alias else '' -%}
    {{ return(prefix ~ columns[0] ~ ' in (' ~ quoted_countries | join(', ') ~ ') and '
              ~ prefix ~ columns[1] ~ ' in (' ~ periods | map('int') | join(', ') ~ ')') }}
{%- endmacro %}

{#- The pre-hook of a mart an append rebuilds in part: delete the rows it rebuilds (`condition`,
    on the model's own columns). On Spark the insert_overwrite of the partitions the query writes
    replaces them: no delete (macros/incremental_scope.sql). -#}
{% macro delete_rows_to_rebuild(condition) -%}
    {%- if is_incremental() and not rebuilds_whole_partitions() -%}
        delete from {{ this }}
        where {{ condition }}
    {%- else -%}
        select 1
    {%- endif -%}
{%- endmacro %}

{#- A mart whose rows depend on a person rather than a partition (a person seen again in any
    period) rebuilds, in an append, the rows of the keys `keys_sql` selects (a select of one
    column): `column in (keys_sql)`, the same predicate for the pre-hook's delete and the query's
    filter. In a full build, or an incremental run without the watermark, every row. -#}
{% macro in_keys_to_rebuild(column, keys_sql) -%}
    {%- if not rebuilds_appended_partitions_only() -%}
        {{ return('true') }}
    {%- endif -%}
    {{ return(column ~ ' in (' ~ keys_sql ~ ')') }}
{%- endmacro %}
