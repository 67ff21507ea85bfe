{#-
    What an incremental run of a fact, a dimension or a register staging table rewrites.

    DuckDB (strategy delete+insert by unique_key) rewrites the rows the model's own condition
    picks: the rows of a new load batch and the rows they change (an incident that gained a
    victim, the whole history of a legal action with a new stage, every appearance of a victim).

    Spark's Parquet tables can neither delete nor update a row (that takes Delta or Iceberg, whose
    jars these machines cannot fetch). There the strategy is insert_overwrite with partition_by
    (dynamic partition overwrite): the run replaces each partition it writes and keeps every
    other partition as it is. So the run recomputes every row of each partition that holds a row
    the condition picks: a superset of DuckDB's rows, in whole partitions, so that no row of a
    rewritten partition is lost. The partition columns are the model's partition_by, set for Spark
    beside its strategy in its YAML; they are never null (the register's country and period are
    tested not null), which the IN below relies on.
-#}
{% macro rebuilds_whole_partitions() -%}
    {{ return(adapter.dispatch('rebuilds_whole_partitions')()) }}
{%- endmacro %}

{% macro default__rebuilds_whole_partitions() -%}
    {{ return(false) }}
{%- endmacro %}

{% macro spark__rebuilds_whole_partitions() -%}
    {{ return(true) }}
{%- endmacro %}

{#- The partition columns of the model being compiled (its partition_by, a list). -#}
{% macro incremental_partition_columns() -%}
    {%- set columns = config.get('partition_by') -%}
    {%- if columns is none or columns | length == 0 -%}
        {{ exceptions.raise_compiler_error(
            'Model ' ~ model.name ~ ' is rebuilt by partition on ' ~ target.type
            ~ ' but has no partition_by: set it beside its incremental_strategy') }}
    {%- endif -%}
    {{ return([columns] if columns is string else columns) }}
{%- endmacro %}

{#- The rows of `alias` an incremental run rebuilds, as a predicate: `condition` on DuckDB; on
    Spark, every row of the partitions that hold a row meeting `condition`. `condition` names the
    rows as `alias`; they are read from `from_sql` (a relation or a parenthesised query) when
    given, otherwise from the CTE or relation called `alias`. -#}
{% macro rows_to_rebuild(alias, condition, from_sql=none) -%}
    {%- if not rebuilds_whole_partitions() -%}
        {{ return(condition) }}
    {%- endif -%}
    {%- set qualified = [] -%}
    {%- for column in incremental_partition_columns() -%}
        {%- do qualified.append(alias ~ '.' ~ column) -%}
    {%- endfor -%}
    {%- set partitions -%}
        ({{ qualified | join(', ') }}) in (
            select {{ qualified | join(', ') }}
            from {{ from_sql if from_sql else alias }} as {{ alias }}
            where {{ condition }}
        )
    {%- endset -%}
    {{ return(partitions) }}
{%- endmacro %}

{#- The rows of `alias` an incremental run rebuilds, as a predicate: those of a load batch newer
    than the table holds (unless own_batch is false: a table whose rows carry no batch of their own)
    and those whose inputs carry one. Each input names a column of `alias` and the relation (a CTE)
    whose rows of a newer batch pick it by the same key:
    {'column': 'event_id', 'from': ref('fct_incident_victims')} picks the incidents with a victim of
    a new batch ('key' when the relation names it otherwise).
    Give an input as its relation (ref) rather than a CTE the model reads elsewhere too: DuckDB
    materializes a CTE read twice, every column of every row, which costs an append the whole
    table. On Spark every row of the partitions those rows fall in (rows_to_rebuild), read from
    `from_sql` when `alias` names no CTE or relation (an alias of a table in a subquery). -#}
{% macro rows_of_newer_batches(alias, inputs=[], own_batch=true, from_sql=none) -%}
    {%- set conditions = [] -%}
    {%- if own_batch -%}
        {%- do conditions.append(alias ~ '.load_batch_id > ' ~ load_batch_watermark()) -%}
    {%- endif -%}
    {%- for input in inputs -%}
        {%- do conditions.append(picked_by_newer_input(alias, input)) -%}
    {%- endfor -%}
    {{ return(rows_to_rebuild(alias, conditions | join('\n            or '), from_sql)) }}
{%- endmacro %}

{#- The rows of `alias` whose input carries a newer batch (one input of rows_of_newer_batches). -#}
{% macro picked_by_newer_input(alias, input) -%}
    {{ alias }}.{{ input.column }} in (
        select newer.{{ input.get('key', input.column) }}
        from {{ input['from'] }} as newer
        where newer.load_batch_id > {{ load_batch_watermark() }}
    )
{%- endmacro %}

{#- The same rows as rows_of_newer_batches, read from a table (`relation`, whose rows are distinct:
    it has a unique key) as a parenthesised query to select from. On DuckDB each condition is a
    query of its own: the rows of newer batches (a filter on a constant, which skips the row groups
    of older batches), and for each input the older rows it picks (a semi join DuckDB filters at the
    scan). One predicate with `or` would read every column of every row before filtering. On Spark
    the predicate (whole partitions). -#}
{% macro newer_batch_rows(relation, alias, inputs=[], own_batch=true) -%}
    {%- if rebuilds_whole_partitions() -%}
        {{ return('(select ' ~ alias ~ '.* from ' ~ relation ~ ' as ' ~ alias ~ ' where '
                  ~ rows_of_newer_batches(alias, inputs, own_batch, relation) ~ ')') }}
    {%- endif -%}
    {%- set picked = [] -%}
    {%- for input in inputs -%}
        {%- set branch -%}
            select {{ alias }}.* from {{ relation }} as {{ alias }}
            where {% if own_batch %}{{ alias }}.load_batch_id <= {{ load_batch_watermark() }} and {% endif -%}
                {{ picked_by_newer_input(alias, input) }}
        {%- endset -%}
        {%- do picked.append(branch) -%}
    {%- endfor -%}
    {%- set branches = [] -%}
    {%- if own_batch -%}
        {%- do branches.append('select ' ~ alias ~ '.* from ' ~ relation ~ ' as ' ~ alias
                               ~ ' where ' ~ alias ~ '.load_batch_id > ' ~ load_batch_watermark()) -%}
    {%- endif -%}
    {%- if picked -%}
        {#- an older row two inputs pick is read once: union, not union all, among those -#}
        {%- do branches.append('(' ~ picked | join('\n    union\n    ') ~ ')' if branches else picked | join('\n    union\n    ')) -%}
    {%- endif -%}
    {{ return('(\n    ' ~ branches | join('\n    union all\n    ') ~ '\n)') }}
{%- endmacro %}

{#- A list of first appearances: one row per key of `relation` (a person's name, an outlet) with
    the first load batch that names it, for a model whose other columns follow from the key and
    the seeds alone (which an append does not change). An incremental run reads, on DuckDB, the
    rows of new load batches whose key the table does not hold yet: a key it holds keeps its row
    and its batch. On Spark it reads every row of the partitions those rows fall in. -#}
{% macro first_appearances(relation, key_columns) -%}
    {%- set keys = [] -%}
    {%- set matches = [] -%}
    {%- for key in key_columns -%}
        {%- do keys.append(relation ~ '.' ~ key) -%}
        {%- do matches.append('known.' ~ key ~ ' = ' ~ relation ~ '.' ~ key) -%}
    {%- endfor %}
    select
        {{ keys | join(',\n        ') }},
        min({{ relation }}.load_batch_id) as load_batch_id

    from {{ relation }}
    {%- if is_incremental() %}
    where {{ rows_to_rebuild(relation, relation ~ '.load_batch_id > ' ~ load_batch_watermark()) }}
        {%- if not rebuilds_whole_partitions() %}
        and not exists (
            select 1
            from {{ this }} as known
            where {{ matches | join(' and ') }}
        )
        {%- endif %}
    {%- endif %}
    group by {{ keys | join(', ') }}
{%- endmacro %}
