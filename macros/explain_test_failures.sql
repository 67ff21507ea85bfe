{#- After a run (on-run-end): for every data test that failed or warned, print the rows it found
    (up to max_rows), one line per row as column=value pairs, so that a failure names the values,
    not only the test. The test's compiled SQL is run again, read-only; nothing is stored. -#}
{% macro explain_test_failures(results, max_rows=5) %}
    {%- if not execute or target.type != 'duckdb' -%}
        {{ return('') }}
    {%- endif -%}
    {%- for result in results
        if result.node.resource_type == 'test' and result.status in ('fail', 'warn', 'error') and result.node.compiled_code -%}
        {%- set found = run_query('select * from (' ~ result.node.compiled_code ~ ') as failures limit ' ~ max_rows) -%}
        {%- if found is not none and found.rows | length > 0 -%}
            {{ log(result.status | upper ~ ' ' ~ result.node.name ~ ' (' ~ result.node.original_file_path ~ '), '
                   ~ (result.failures or found.rows | length) ~ ' row(s); the first:', info=true) }}
            {%- for row in found.rows -%}
                {%- set pairs = [] -%}
                {%- for column in found.column_names -%}
                    {%- do pairs.append(column ~ '=' ~ (row[column] | string)) -%}
                {%- endfor -%}
                {{ log('  ' ~ pairs | join(', '), info=true) }}
            {%- endfor -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return('') }}
{% endmacro %}
