{#-
    Every seed file and every monitor export checked at once, outside a build: what a build that
    does not run on DuckDB (`make build-spark`) runs first, on DuckDB in memory (`--target lint`),
    so that bad input stops before Spark reads anything, with the same messages.
      dbt run-operation validate_input_files --target lint
-#}
{% macro validate_input_files() %}
    {%- do run_query(validate_seed_files(selected_only=false)) -%}
    {%- do run_query(validate_source_files()) -%}
    {{ log('Input files validated: every seed file and every monitor export.', info=true) }}
{% endmacro %}
