{#-
    Checks every seed CSV before anything is loaded (run from on-run-start).

    Rules come from each seed's YAML config:
      - column_types: every non-text column must cast to its declared type;
      - meta.primary_key: the key columns are present and unique;
      - meta.required: these columns are never empty;
      - meta.references: {column: "other_seed.column"}: every non-empty value exists there
        (used for vocabularies and foreign keys between seeds); a list of "seed.column" targets
        accepts a value found in any of them (an event country: ISO 3166-1 or ISO 3166-3);
      - no cell begins or ends with white space, except in the columns meta.white_space_kept names;
      - meta.reference_lists: {column: "other_seed.column"}: every code of a ';'-separated cell
        exists there;
    and for every seed, whatever its YAML: the file is UTF-8 text without a byte-order mark, its
    header holds exactly the columns the YAML declares, and it has at least one data row unless
    meta.may_be_empty says an empty file is a valid state (no decision taken yet).
    Any problem stops the run with one line per problem naming the seed file, the data row
    (1 = first row after the header), the column and the offending value. Nothing is loaded,
    so the warehouse is left as it was.
-#}
{% macro validate_seed_files(max_examples=5, selected_only=true) %}
    {{ return(adapter.dispatch('validate_seed_files')(max_examples, selected_only)) }}
{% endmacro %}


{#- On Spark the files are checked by DuckDB before Spark reads anything: `make build-spark` runs
    `dbt run-operation validate_input_files --target lint` first (macros/validate_input_files.sql). -#}
{% macro spark__validate_seed_files(max_examples, selected_only) %}
    {{ log('Seed files: validated by DuckDB before the Spark build (run-operation validate_input_files).', info=true) }}
    {{ return('select 1 as seed_files_validated') }}
{% endmacro %}


{% macro duckdb__validate_seed_files(max_examples, selected_only) %}
    {%- if not execute -%}
        {{ return('select 1 as seed_files_validated') }}
    {%- endif -%}

    {#- only when this project's seeds are part of the run: a selection without seeds (make append,
        dbt build --select some_model) reads the seed tables already loaded, so there is nothing to
        check and the run does not pay for it -#}
    {%- set ns = namespace(seed_selected=false) -%}
    {%- for unique_id in selected_resources if unique_id.startswith('seed.' ~ project_name ~ '.') -%}
        {%- set ns.seed_selected = true -%}
    {%- endfor -%}
    {%- if selected_only and not ns.seed_selected -%}
        {{ log('Seed validation skipped: no seed of ' ~ project_name ~ ' is selected.', info=true) }}
        {{ return('select 1 as seed_files_validated') }}
    {%- endif -%}

    {%- set seeds = {} -%}
    {#- this project's own seeds only: an installed package's seeds live under its own directory
        and follow its own rules -#}
    {%- for node in graph.nodes.values() if node.resource_type == 'seed' and node.package_name == project_name -%}
        {%- do seeds.update({node.name: node}) -%}
    {%- endfor -%}

    {#- 0. every file must be UTF-8 text without a byte-order mark (a file saved as Latin-1 or
        by a spreadsheet that adds a BOM), then well-formed CSV (the right number of fields,
        balanced quotes); the other checks read the files, so a problem here stops the validation -#}
    {%- set problems = [] -%}
    {%- for seed_name in seeds | sort -%}
        {%- set path = seeds[seed_name].original_file_path -%}
        {%- set encoding -%}
            select
                try(decode(content)) is null as is_not_utf8,
                octet_length(content) = 0 as is_empty_file,
                coalesce(left(try(decode(content)), 1) = chr(65279), false) as has_bom
            from read_blob('{{ path }}')
        {%- endset -%}
        {%- set found = run_query(encoding).rows[0] -%}
        {#- (not UTF-8: dbt itself stops while it parses the seeds, before this runs; `make build`
            checks the encodings first, tools/publish.py, and names the file, line and column) -#}
        {%- if found[0] -%}
            {%- do problems.append(path ~ ': not UTF-8 text (a byte such as a Latin-1 accent): save the file as UTF-8') -%}
        {%- elif found[1] -%}
            {%- do problems.append(path ~ ': the file is empty (zero bytes): it needs at least its header line') -%}
        {%- elif found[2] -%}
            {%- do problems.append(path ~ ', line 1: the file begins with a byte-order mark (U+FEFF): save it as UTF-8 without BOM') -%}
        {%- endif -%}
    {%- endfor -%}
    {%- do _stop_on_seed_problems(problems) -%}
    {%- for seed_name in seeds | sort -%}
        {%- set path = seeds[seed_name].original_file_path -%}
        {%- set rejects_table = 'seed_rejects_' ~ loop.index -%}
        {%- set malformed -%}
            select count(*) from {{ _read_seed_csv(path, "store_rejects = true, rejects_table = '" ~ rejects_table ~ "', rejects_scan = '" ~ rejects_table ~ "_scan'") }}
        {%- endset -%}
        {%- do run_query(malformed) -%}
        {%- set rejects = run_query('select line, error_message from ' ~ rejects_table ~ ' order by line limit ' ~ max_examples) -%}
        {%- for r in rejects.rows -%}
            {%- do problems.append(path ~ ', line ' ~ r[0] ~ ': malformed CSV row (' ~ r[1] ~ ')') -%}
        {%- endfor -%}
    {%- endfor -%}
    {%- do _stop_on_seed_problems(problems) -%}

    {%- for seed_name in seeds | sort -%}
        {%- set node = seeds[seed_name] -%}
        {%- set path = node.original_file_path -%}
        {%- set meta = node.config.meta or {} -%}
        {%- set rows = _seed_rows_sql(path) -%}

        {#- 1a. the header against the columns the YAML declares, and rows where rows are needed -#}
        {%- set header = _seed_header(path).split(',') | map('trim') | list -%}
        {%- set declared = node.columns.keys() | list -%}
        {%- for column in declared if column not in header -%}
            {%- do problems.append(path ~ ', line 1, column ' ~ column ~ ': declared in the YAML but missing from the header') -%}
        {%- endfor -%}
        {%- for column in header if declared | length > 0 and column not in declared -%}
            {%- do problems.append(path ~ ', line 1, column ' ~ column ~ ": in the header but not declared in the YAML (a misspelt or extra column)") -%}
        {%- endfor -%}
        {%- if not meta.get('may_be_empty', false) -%}
            {%- set count_rows = run_query('select count(*) from ' ~ rows).rows[0][0] -%}
            {%- if count_rows == 0 -%}
                {%- do problems.append(path ~ ': no data row (only the header): an empty ' ~ seed_name ~ ' would publish nothing') -%}
            {%- endif -%}
        {%- endif -%}
        {#- the checks below read the declared columns: a file whose header differs is reported above only -#}
        {%- set header_ok = declared | length == 0 or (declared | reject('in', header) | list | length == 0
            and header | reject('in', declared) | list | length == 0) -%}
        {%- if header_ok -%}

        {#- 1. declared types -#}
        {%- for column, data_type in (node.config.column_types or {}).items() -%}
            {%- if data_type | lower not in ('varchar', 'text', 'string') -%}
                {%- set bad -%}
                    select seed_row, "{{ column }}" as value
                    from {{ rows }}
                    where nullif(trim("{{ column }}"), '') is not null
                      and try_cast(trim("{{ column }}") as {{ data_type }}) is null
                    order by seed_row
                    limit {{ max_examples }}
                {%- endset -%}
                {%- for r in run_query(bad).rows -%}
                    {%- do problems.append(path ~ ', row ' ~ r[0] ~ ', column ' ~ column ~ ": value '" ~ r[1] ~ "' is not a valid " ~ data_type) -%}
                {%- endfor -%}
            {%- endif -%}
        {%- endfor -%}

        {#- 2. required columns (the primary key is always required) -#}
        {%- set key = meta.get('primary_key', []) -%}
        {%- for column in (key + meta.get('required', [])) | unique -%}
            {%- set empty -%}
                select seed_row from {{ rows }}
                where nullif(trim("{{ column }}"), '') is null
                order by seed_row
                limit {{ max_examples }}
            {%- endset -%}
            {%- for r in run_query(empty).rows -%}
                {%- do problems.append(path ~ ', row ' ~ r[0] ~ ', column ' ~ column ~ ': value is empty but required') -%}
            {%- endfor -%}
        {%- endfor -%}

        {#- 3. primary key uniqueness -#}
        {%- if key | length > 0 -%}
            {%- set key_expr = '"' ~ (key | join('" || \'|\' || "')) ~ '"' -%}
            {%- set dupes -%}
                select {{ key_expr }} as key_value, min(seed_row) as first_row, max(seed_row) as last_row, count(*) as n
                from {{ rows }}
                where nullif(trim({{ key_expr }}), '') is not null
                group by all
                having count(*) > 1
                order by first_row
                limit {{ max_examples }}
            {%- endset -%}
            {%- for r in run_query(dupes).rows -%}
                {%- do problems.append(path ~ ', row ' ~ r[2] ~ ', column ' ~ (key | join('+')) ~ ": duplicate key value '" ~ r[0] ~ "' (" ~ r[3] ~ ' rows, first at row ' ~ r[1] ~ ')') -%}
            {%- endfor -%}
        {%- endif -%}

        {#- 4. references to vocabularies and other seeds: a cell's value (meta.references), or each
            code of a ';'-separated cell (meta.reference_lists) -#}
        {%- set references = [] -%}
        {%- for column, target in (meta.get('references', {})).items() -%}
            {%- do references.append((column, target, 'value', 'trim("' ~ column ~ '")')) -%}
        {%- endfor -%}
        {%- for column, target in (meta.get('reference_lists', {})).items() -%}
            {%- do references.append((column, target, 'code', 'trim(unnest(string_split("' ~ column ~ '", \';\')))')) -%}
        {%- endfor -%}
        {%- for column, target, word, codes in references -%}
            {%- set targets = [target] if target is string else target -%}
            {%- set unknown = [] -%}
            {%- set known = [] -%}
            {%- for each in targets -%}
                {%- set target_seed, target_column = each.split('.') -%}
                {%- if target_seed not in seeds -%}
                    {%- do unknown.append(target_seed) -%}
                {%- else -%}
                    {%- do known.append('select trim("' ~ target_column ~ '") from ' ~ _seed_rows_sql(seeds[target_seed].original_file_path)
                        ~ ' where "' ~ target_column ~ '" is not null') -%}
                {%- endif -%}
            {%- endfor -%}
            {%- for target_seed in unknown -%}
                {%- do problems.append(path ~ ', column ' ~ column ~ ": references unknown seed '" ~ target_seed ~ "'") -%}
            {%- endfor -%}
            {%- if unknown | length == 0 -%}
                {%- set orphans -%}
                    select seed_row, code
                    from (
                        select seed_row, {{ codes }} as code
                        from {{ rows }}
                        where nullif(trim("{{ column }}"), '') is not null
                    ) as cells
                    where code not in (
                        {{ known | join('\n union all\n') }}
                    )
                    order by seed_row
                    limit {{ max_examples }}
                {%- endset -%}
                {%- for r in run_query(orphans).rows -%}
                    {%- do problems.append(path ~ ', row ' ~ r[0] ~ ', column ' ~ column ~ ': ' ~ word ~ " '" ~ r[1] ~ "' is not in " ~ targets | join(' or ')) -%}
                {%- endfor -%}
            {%- endif -%}
        {%- endfor -%}

        {#- 5. no cell begins or ends with white space: models read the seeds as loaded (a
            mapping seed has no staging view to trim it), so ' male' would miss every join;
            meta.white_space_kept names the columns whose white space is the value -#}
        {%- set untrimmed -%}
            select seed_row, column_name, value
            from (unpivot {{ rows }} on columns(* exclude (seed_row)) into name column_name value value)
            where value != trim(value, ' ' || chr(9) || chr(10) || chr(13))
              and column_name not in ('{{ meta.get('white_space_kept', []) | join("', '") }}')
            order by seed_row, column_name
            limit {{ max_examples }}
        {%- endset -%}
        {%- for r in run_query(untrimmed).rows -%}
            {%- do problems.append(path ~ ', row ' ~ r[0] ~ ', column ' ~ r[1] ~ ": value '" ~ r[2] ~ "' begins or ends with white space") -%}
        {%- endfor -%}
        {%- endif -%}
    {%- endfor -%}

    {%- do _stop_on_seed_problems(problems) -%}
    {{ return('select 1 as seed_files_validated') }}
{% endmacro %}


{#- A seed file read as text, numbered by data row (1 = first row after the header). -#}
{% macro _seed_rows_sql(path) -%}
    (
        select
            row_number() over () as seed_row,
            *
        from {{ _read_seed_csv(path) }}
    )
{%- endmacro %}


{#-
    read_csv over a seed file with its own header's column names, all as text, and no dialect
    sniffing (a malformed early row would defeat the sniffer): comma-separated, double quotes.
-#}
{% macro _seed_header(path) -%}
    {%- set header_query -%}
        select trim(split_part(content, chr(10), 1), chr(13) || ' ') from read_text('{{ path }}')
    {%- endset -%}
    {{ return(run_query(header_query).rows[0][0]) }}
{%- endmacro %}


{% macro _read_seed_csv(path, options='') -%}
    {%- set header = _seed_header(path) -%}
    read_csv(
        '{{ path }}',
        header = true, auto_detect = false, delim = ',', quote = '"', escape = '"',
        columns = { {%- for name in header.split(',') %}'{{ name | trim }}': 'varchar'{{ ", " if not loop.last }}{% endfor -%} }
        {%- if options %}, {{ options }}{% endif %}
    )
{%- endmacro %}


{#- Stop the run, one line per problem, when there is any. -#}
{% macro _stop_on_seed_problems(problems) -%}
    {%- if problems | length > 0 -%}
        {{ exceptions.raise_compiler_error(
            'Seed validation failed (' ~ problems | length ~ ' problem(s)); nothing was loaded:\n  - '
            ~ problems | join('\n  - ')
        ) }}
    {%- endif -%}
{%- endmacro %}
