{#-
    The monitors' exports read in place, as the engine can. On DuckDB each source's
    meta.external_location (read_csv / read_json ... with ordinality) is the relation, so there is
    nothing to do. On Spark (run from on-run-start) each source table with meta.file_path becomes
    a table over the file (CSV all text, or JSON records) and a view that numbers the records by
    their position in the file, 1 = first, under the source's own name: the same locator as
    DuckDB's WITH ORDINALITY. The files are read unsplittable (multiLine), so one task reads each
    file from its first record to its last and the numbering follows the file.
-#}
{% macro create_file_sources() %}
    {{ return(adapter.dispatch('create_file_sources')()) }}
{% endmacro %}

{% macro default__create_file_sources() %}
    {{ return('select 1 as file_sources_ready') }}
{% endmacro %}

{% macro spark__create_file_sources() %}
    {%- if not execute -%}
        {{ return('select 1 as file_sources_ready') }}
    {%- endif -%}
    {%- set options = {
        'csv': "header 'true', multiLine 'true', quote '\"', escape '\"', inferSchema 'false', encoding 'UTF-8'",
        'json': "multiLine 'true', encoding 'UTF-8'",
    } -%}
    {%- for node in graph.sources.values() if node.package_name == project_name and node.meta.get('file_path') -%}
        {%- set relation = source(node.source_name, node.name) -%}
        {%- set file_relation = relation.incorporate(path={'identifier': node.name ~ '__file'}) -%}
        {#- Spark resolves a relative path against its table directory: the file's absolute path -#}
        {%- set path = env_var('JSI_PROJECT_DIR', '') ~ '/' ~ node.meta['file_path'] -%}
        {%- if env_var('JSI_PROJECT_DIR', '') == '' -%}
            {{ exceptions.raise_compiler_error('Set JSI_PROJECT_DIR to the project directory (make build-spark does) so that Spark can read ' ~ node.meta['file_path']) }}
        {%- endif -%}
        {%- do run_query('create schema if not exists ' ~ relation.schema) -%}
        {%- do run_query('drop view if exists ' ~ relation) -%}
        {%- do run_query('drop table if exists ' ~ file_relation) -%}
        {#- a file that escapes quotes otherwise than by doubling them (meta.csv_escape: a
            download uses a backslash), as its external_location tells DuckDB -#}
        {%- set file_options = options[node.meta['file_format']] -%}
        {%- if node.meta.get('csv_escape') -%}
            {%- set file_options = file_options | replace("escape '\"'", "escape '" ~ node.meta['csv_escape'] | replace('\\', '\\\\') ~ "'") -%}
        {%- endif -%}
        {%- do run_query('create table ' ~ file_relation ~ ' using ' ~ node.meta['file_format']
            ~ " options (path '" ~ path ~ "', " ~ file_options ~ ')') -%}
        {#- each column under its name trimmed, as DuckDB's read_csv names it (a header cell with a
            trailing space) -#}
        {%- set names = run_query('describe ' ~ file_relation).columns[0].values() | list -%}
        {%- set renamed = [] -%}
        {%- for name in names if name and not name.startswith('#') -%}
            {%- do renamed.append('records.`' ~ name ~ '` as `' ~ name | trim ~ '`') -%}
        {%- endfor -%}
        {%- do run_query(
            'create view ' ~ relation ~ ' as select ' ~ renamed | join(', ')
            ~ ', row_number() over (order by monotonically_increasing_id()) as ordinality from '
            ~ file_relation ~ ' as records'
        ) -%}
    {%- endfor -%}
    {#- the external register (Parquet, one file per load batch): a table over each table's folder,
        when JSI_EXTERNAL_REGISTER names one (register_rows reads it only then) -#}
    {%- set register = env_var('JSI_EXTERNAL_REGISTER', '') -%}
    {%- if register != '' -%}
        {%- set register_path = register if register.startswith('/') else env_var('JSI_PROJECT_DIR', '') ~ '/' ~ register -%}
        {%- for node in graph.sources.values() if node.package_name == project_name and node.source_name == 'external_register' -%}
            {%- set relation = source(node.source_name, node.name) -%}
            {%- do run_query('create schema if not exists ' ~ relation.schema) -%}
            {%- do run_query('drop table if exists ' ~ relation) -%}
            {%- do run_query('create table ' ~ relation ~ " using parquet options (path '" ~ register_path ~ '/' ~ node.name ~ "')") -%}
        {%- endfor -%}
    {%- endif -%}
    {{ return('select 1 as file_sources_ready') }}
{% endmacro %}
