{#-
    A victim's sex and its basis, the one precedence rule every fact applies:
      1. not a person (outlet, organisation, group): not_applicable;
      2. the source states it or uses a pronoun (the raw row's gender and gender_basis);
      3. the name-convention rule (int_person_names__gender), basis name_convention;
      4. otherwise unknown.
    resolved_gender() gives the sex, resolved_gender_basis() its basis; both take the same columns.
-#}
{% macro resolved_gender(victim_type, gender, inferred_gender) -%}
    case
        when {{ victim_type }} != 'person' then 'not_applicable'
        when {{ gender }} in ('female', 'male') then {{ gender }}
        when {{ inferred_gender }} in ('female', 'male') then {{ inferred_gender }}
        else 'unknown'
    end
{%- endmacro %}

{% macro resolved_gender_basis(victim_type, gender, gender_basis, inferred_gender) -%}
    case
        when {{ victim_type }} != 'person' then 'not_applicable'
        when {{ gender }} in ('female', 'male') then {{ gender_basis }}
        when {{ inferred_gender }} in ('female', 'male') then 'name_convention'
        else 'unknown'
    end
{%- endmacro %}
