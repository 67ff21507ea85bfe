{#-
    Checks every monitor export read in place (dbt sources whose tables carry meta.file_path)
    before anything is built (run from on-run-start): the file exists, is valid UTF-8 without a
    byte-order mark, and has every column (CSV header) or key (JSON records) that the source's YAML declares. Any problem
    stops the run with one line per problem naming the source, the file and the column, so a new
    vintage with another layout or encoding never reaches the warehouse.
-#}
{% macro validate_source_files() %}
    {{ return(adapter.dispatch('validate_source_files')()) }}
{% endmacro %}


{#- On Spark: checked by DuckDB before the Spark build, as the seed files are. -#}
{% macro spark__validate_source_files() %}
    {{ log('Source files: validated by DuckDB before the Spark build (run-operation validate_input_files).', info=true) }}
    {{ return('select 1 as source_files_validated') }}
{% endmacro %}


{% macro duckdb__validate_source_files() %}
    {%- if not execute -%}
        {{ return('select 1 as source_files_validated') }}
    {%- endif -%}
    {%- set problems = [] -%}
    {%- for node in graph.sources.values() if node.package_name == project_name and node.meta.get('file_path') -%}
        {%- set path = node.meta['file_path'] -%}
        {%- set label = node.source_name ~ '.' ~ node.name ~ ' (' ~ path ~ ')' -%}
        {%- set expected = node.columns.keys() | reject('equalto', 'ordinality') | list -%}
        {%- set found = run_query("select count(*) from glob('" ~ path ~ "')").columns[0].values()[0] -%}
        {%- if found == 0 -%}
            {%- do problems.append(label ~ ': file not found') -%}
        {%- else -%}
            {%- set encoding = run_query("select try(decode(content)) is not null, coalesce(left(try(decode(content)), 1) = chr(65279), false) from read_blob('" ~ path ~ "')").rows[0] -%}
            {%- if not encoding[0] -%}
                {%- do problems.append(label ~ ': not valid UTF-8 (the staging models read the file as UTF-8)') -%}
            {%- elif encoding[1] -%}
                {%- do problems.append(label ~ ', line 1: the file begins with a byte-order mark (U+FEFF): the first column would not be found') -%}
            {%- else -%}
                {%- if node.meta.get('file_format') == 'csv' -%}
                    {%- set header_sql -%}
                        select column_name from (describe select * from read_csv('{{ path }}', header = true, all_varchar = true))
                    {%- endset -%}
                {%- else -%}
                    {%- set header_sql -%}
                        select distinct unnest(json_keys(record)) as column_name
                        from (select unnest(cast(decode(content) as json[])) as record from read_blob('{{ path }}'))
                    {%- endset -%}
                {%- endif -%}
                {%- set present = run_query(header_sql).columns[0].values() | list -%}
                {%- set missing = expected | reject('in', present) | list -%}
                {%- if missing | length > 0 -%}
                    {#- one line per file: a garbled header misses many columns at once -#}
                    {%- do problems.append(label ~ ": column" ~ ("s " if missing | length > 1 else " ") ~ "'" ~ missing | join("', '")
                        ~ "' missing from the header (found: " ~ present | join(', ') ~ ")") -%}
                {%- endif -%}
            {%- endif -%}
        {%- endif -%}
    {%- endfor -%}
    {%- if problems | length > 0 -%}
        {{ exceptions.raise_compiler_error(
            'Source file validation failed (' ~ problems | length ~ ' problem(s)); nothing was built:\n  - '
            ~ problems | join('\n  - ')
        ) }}
    {%- endif -%}
    {{ return('select 1 as source_files_validated') }}
{% endmacro %}
