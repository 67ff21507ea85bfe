{#-
    The project's one surrogate-key function: an md5 over the given expressions, each cast to
    text, nulls made explicit, joined with a separator that cannot occur in the data.
-#}
{% macro surrogate_key(expressions) -%}
    md5(concat_ws(
        '||',
        {%- for expression in expressions %}
            coalesce(cast({{ expression }} as {{ dbt.type_string() }}), '<null>'){{ "," if not loop.last }}
        {%- endfor %}
    ))
{%- endmacro %}
