{#-
    One row per term of each listed vocabulary, in one shape: the vocabulary's name, the code, its
    label and its definition as the seed words them. Used by the models that gather every
    vocabulary for the methodology page and for labels beside codes.

    vocabularies: [{'vocabulary': name shown, 'model': staging model, 'code': code column,
    'label': label column, 'rule': optional SQL expression saying how the warehouse counts the term}]
-#}
{% macro vocabulary_terms(vocabularies) -%}
    {%- for v in vocabularies %}
    select
        '{{ v.vocabulary }}' as vocabulary,
        cast({{ v.code }} as {{ dbt.type_string() }}) as term_code,
        {{ v.label }} as term_label,
        description as term_definition,
        {{ v.get('rule', 'cast(null as ' ~ dbt.type_string() ~ ')') }} as term_rule
    from {{ ref(v.model) }}
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
{%- endmacro %}
