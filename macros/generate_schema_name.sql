{#-
    Relations land in fixed, environment-independent schemas: raw (seeds), staging,
    intermediate, core (facts and dimensions) and marts (indicator views). A node without a
    custom schema falls back to the target schema.
-#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- if custom_schema_name is none -%}
        {{ target.schema }}
    {%- else -%}
        {{ custom_schema_name | trim }}
    {%- endif -%}
{%- endmacro %}
