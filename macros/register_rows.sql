{#-
    The rows of one register table: the shipped seed (load batch 0) and, when the environment
    variable JSI_EXTERNAL_REGISTER names a directory, the Parquet files of the external register
    (always a declared parent; empty when the variable is not set) beside it (source `external_register`, one file per load batch, each row carrying its
    load_batch_id). Large registers never pass through `dbt seed`.
    In an incremental run on DuckDB only batches newer than the model's watermark are read (DuckDB
    skips the older Parquet files from their row-group statistics); on Spark every batch of the
    partitions to rewrite is read (macros/incremental_scope.sql).
-#}
{% macro register_rows(seed_name, external_table) -%}
    {#- the source is always a parent, so the graph (lineage, docs, manifest) is the same whatever
        the environment; its rows are read only when JSI_EXTERNAL_REGISTER names a directory,
        otherwise the external register is empty -#}
    {%- set external_relation = source('external_register', external_table) -%}
    {#- on an engine that rewrites whole partitions (macros/incremental_scope.sql) an incremental
        run reads every batch and keeps the partitions of the seed and of the new batches -#}
    {%- set by_partition = is_incremental() and rebuilds_whole_partitions() -%}
    {%- set all_rows -%}
    select
        seed_rows.*,
        0 as load_batch_id
    from {{ ref(seed_name) }} as seed_rows
    {%- if env_var('JSI_EXTERNAL_REGISTER', '') != '' %}
        {#- by name: the files' columns may come in another order than the seed's -#}
        {%- set seed_columns = adapter.get_columns_in_relation(ref(seed_name)) if execute else [] %}
        union all
        select
            {%- for column in seed_columns %}
            external_rows.{{ column.name }},
            {%- endfor %}
            external_rows.load_batch_id
        from {{ external_relation }} as external_rows
        {%- if is_incremental() and not by_partition %}
            where external_rows.load_batch_id > {{ load_batch_watermark() }}
        {%- endif %}
    {%- endif %}
    {%- endset -%}
    {%- if by_partition %}
    select register_rows.*
    from ({{ all_rows }}) as register_rows
    where {{ rows_to_rebuild(
        'register_rows',
        'register_rows.load_batch_id = 0 or register_rows.load_batch_id > ' ~ load_batch_watermark(),
        '(' ~ all_rows ~ ')',
    ) }}
    {%- else %}
    {{ all_rows }}
    {%- endif %}
{%- endmacro %}

{#-
    The newest load batch an incremental model already holds (-1 when it is empty). Rows of
    newer batches are the ones an incremental run processes.
    Only an append may build incrementally (make append, the benchmark's append and append-spark
    set var append_after_load_batch). Any other run on an existing warehouse (dbt build after a
    change to a seed, a monitor's model or its file) would keep every row this model built
    before, the monitors' rows and the shipped register's (batch 0) among them, however they
    changed: it stops instead, saying how to rebuild.
    The watermark is read when the model runs and written into its SQL as a number: DuckDB pushes a
    comparison with a constant down to the scan of each input (and skips the row groups of older
    batches), while a comparison with a subquery is a join over every row. A unit test reads its
    own fixture of the table (`this` is a CTE there), so its SQL keeps the subquery.
-#}
{% macro load_batch_watermark(column='load_batch_id') -%}
    {%- if execute and flags.WHICH in ('run', 'build') and is_incremental() and appended_after_batch() is none -%}
        {{ exceptions.raise_compiler_error(
            model.name ~ ' is built incrementally, by load batch, and the warehouse already holds it: a run that is not '
            ~ 'an append (make append sets var append_after_load_batch) would keep the rows it built before, stale if a '
            ~ 'seed, a monitor\'s model or its file changed since. Rebuild instead: make build (a new warehouse file), or '
            ~ 'dbt build --full-refresh (with --select ' ~ model.name ~ '+ for part of the project).'
        ) }}
    {%- endif -%}
    {%- set newest_sql = 'select coalesce(max(watermark.' ~ column ~ '), -1) from ' ~ this ~ ' as watermark' -%}
    {%- if execute and model.get('resource_type') != 'unit_test' -%}
        {{ return(run_query(newest_sql).columns[0].values()[0] | int) }}
    {%- endif -%}
    {{ return('(' ~ newest_sql ~ ')') }}
{%- endmacro %}

{#-
    The source of a row of the assessment register: the assessment of its country and period
    (stg_assessment__assessment_sources, imported by the model as the CTE `assessments`), or
    'external_register' for a row of the external register that no assessment covers. One rule
    for the register's events, victims and legal actions.
-#}
{% macro register_source_id() -%}
    coalesce(assessments.source_id, 'external_register')
{%- endmacro %}

{% macro join_register_source(row_alias) -%}
    left join assessments
        on
            {{ row_alias }}.country_code = assessments.country_code
            and {{ row_alias }}.period_year = assessments.period_year
{%- endmacro %}
