{#-
    The one spelling the warehouse uses for a person or outlet the report spells several ways
    (raw_name_variants). `column` and `country_column` must be qualified with the outer
    relation's alias, e.g. canonical_name('source.victim_name', 'person', 'source.country_code').
    A name without a listed variant is returned trimmed; an empty name becomes null.
-#}
{% macro canonical_name(column, entity_type, country_column) -%}
    coalesce(
        (
            select name_variants.canonical_name
            from {{ ref('stg_assessment__name_variants') }} as name_variants
            where
                name_variants.entity_type = '{{ entity_type }}'
                and name_variants.country_code = {{ country_column }}
                and name_variants.variant_name = nullif(trim({{ column }}), '')
        ),
        nullif(trim({{ column }}), '')
    )
{%- endmacro %}
