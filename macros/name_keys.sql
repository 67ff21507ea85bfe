{#- The rule of when two spellings are one name, in one place (doc: the name key). CTEs ending in
    `name_keys` (holder_id, variant, name_key): one row per holder and variant, from `names`, a CTE
    of (holder_id, holder_name) of named persons. A name and each alias in brackets ("Gennady
    Pavlyuk (Ibragim Rustambek)") are variants; a variant's key is the variant lowercased, accents
    stripped, hyphens and runs of white space made one space, then folded by ref_name_folds one
    rule after another (so that romanisations meet), its words separated by one space. Read by
    int_victim_name_keys (records and their persons) and int_custody_person_links (persons in
    custody). The model needs `with recursive`. -#}
{% macro name_key_ctes(names) -%}
name_folds as (

    select
        folds.pattern,
        coalesce(folds.replacement, '') as replacement,
        row_number() over (order by folds.rule_order) as step
    from {{ ref('ref_name_folds') }} as folds

),

name_variants as (

    select
        {{ names }}.holder_id,
        trim({{ regexp_replace_all(names ~ '.holder_name', regex('\\s*\\(.*\\)\\s*'), "' '") }}) as variant
    from {{ names }}

    union

    select
        {{ names }}.holder_id,
        trim(regexp_extract({{ names }}.holder_name, {{ regex('\\((.*)\\)') }}, 1)) as variant
    from {{ names }}
    where {{ regexp_contains(names ~ '.holder_name', regex('\\(.+\\)')) }}

),

numbered_name_variants as (

    select
        name_variants.holder_id,
        name_variants.variant,
        row_number() over (order by name_variants.holder_id, name_variants.variant) as variant_id
    from name_variants
    where name_variants.variant != ''

),

-- the folds applied one after another, in rule order
folded_names (variant_id, step, folded_name) as (

    select
        numbered_name_variants.variant_id,
        0 as step,
        {{ regexp_replace_all(
            'lower(' ~ strip_accents('numbered_name_variants.variant') ~ ')', regex('[\\s-]+'), "' '"
        ) }} as folded_name
    from numbered_name_variants

    union all

    select
        folded_names.variant_id,
        folded_names.step + 1 as step,
        {{ regexp_replace_all('folded_names.folded_name', 'name_folds.pattern', 'name_folds.replacement') }} as folded_name
    from folded_names
    inner join name_folds
        on folded_names.step + 1 = name_folds.step

),

name_keys as (

    select
        numbered_name_variants.holder_id,
        numbered_name_variants.variant,
        trim({{ regexp_replace_all('max_by(folded_names.folded_name, folded_names.step)', regex('\\s+'), "' '") }}) as name_key

    from numbered_name_variants
    inner join folded_names
        on numbered_name_variants.variant_id = folded_names.variant_id
    group by numbered_name_variants.holder_id, numbered_name_variants.variant

)
{%- endmacro %}
