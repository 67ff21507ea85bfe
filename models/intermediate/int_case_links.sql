-- Which records of different sources describe the same victim and event: the one linking rule.
-- Two incidents of different sources are linked when a named person victim of each has the same
-- name key (the name and any alias in brackets, lowercased, accents stripped, then folded by
-- ref_name_folds so that romanisations meet), they happened in the same country, and their years
-- differ by at most var('case_link_year_tolerance'). ref_case_link_decisions adds links the rule
-- cannot make and removes pairs that must never be linked. One row per linked pair, with the basis.
with recursive

victims as (

    select * from {{ ref('fct_incident_victims') }}

),

folds as (

    select * from {{ ref('stg_reference__name_folds') }}

),

decisions as (

    select * from {{ ref('stg_reference__case_link_decisions') }}

),

ordered_folds as (

    select
        folds.pattern,
        folds.replacement,
        row_number() over (order by folds.rule_order) as step
    from folds

),

-- each name and each alias in brackets ("Gennady Pavlyuk (Ibragim Rustambek)") is a variant
name_variants as (

    select
        victims.event_id,
        victims.source_id,
        victims.event_country_code,
        victims.event_year,
        victims.victim_name,
        trim(regexp_replace(victims.victim_name, '\s*\(.*\)\s*', ' ', 'g')) as variant
    from victims
    where victims.victim_type = 'person' and victims.victim_name is not null and victims.is_dated

    union

    select
        victims.event_id,
        victims.source_id,
        victims.event_country_code,
        victims.event_year,
        victims.victim_name,
        trim(regexp_extract(victims.victim_name, '\((.*)\)', 1)) as variant
    from victims
    where
        victims.victim_type = 'person'
        and victims.is_dated
        and regexp_matches(victims.victim_name, '\(.+\)')

),

numbered_variants as (

    select
        name_variants.*,
        row_number() over (order by name_variants.event_id, name_variants.variant) as variant_id
    from name_variants
    where name_variants.variant != ''

),

-- the folds applied one after another, in rule order
folded (variant_id, step, folded_name) as (

    select
        numbered_variants.variant_id,
        0 as step,
        lower(strip_accents(numbered_variants.variant)) as folded_name
    from numbered_variants

    union all

    select
        folded.variant_id,
        folded.step + 1 as step,
        regexp_replace(folded.folded_name, ordered_folds.pattern, ordered_folds.replacement, 'g') as folded_name
    from folded
    inner join ordered_folds
        on folded.step + 1 = ordered_folds.step

),

name_keys as (

    select
        numbered_variants.*,
        trim(arg_max(folded.folded_name, folded.step)) as name_key

    from numbered_variants
    inner join folded
        on numbered_variants.variant_id = folded.variant_id
    group by all

),

by_rule as (

    select distinct
        least(first_record.event_id, second_record.event_id) as event_id_a,
        greatest(first_record.event_id, second_record.event_id) as event_id_b,
        'rule: name key ' || first_record.name_key || ', country ' || first_record.event_country_code
        || ', years ' || first_record.event_year || '/' || second_record.event_year as link_basis

    from name_keys as first_record
    inner join name_keys as second_record
        on
            first_record.name_key = second_record.name_key
            and first_record.event_country_code = second_record.event_country_code
            and first_record.source_id < second_record.source_id
            and abs(first_record.event_year - second_record.event_year) <= {{ var('case_link_year_tolerance') }}

),

by_decision as (

    select
        least(decisions.event_id_a, decisions.event_id_b) as event_id_a,
        greatest(decisions.event_id_a, decisions.event_id_b) as event_id_b,
        'decision: ' || decisions.reason as link_basis

    from decisions
    where decisions.decision = 'link'

),

never_linked as (

    select
        least(decisions.event_id_a, decisions.event_id_b) as event_id_a,
        greatest(decisions.event_id_a, decisions.event_id_b) as event_id_b

    from decisions
    where decisions.decision = 'never_link'

),

candidates as (

    select * from by_rule
    union all
    select * from by_decision

),

final as (

    select
        candidates.event_id_a,
        candidates.event_id_b,
        string_agg(candidates.link_basis, '; ' order by candidates.link_basis) as link_basis

    from candidates
    anti join never_linked
        on
            candidates.event_id_a = never_linked.event_id_a
            and candidates.event_id_b = never_linked.event_id_b
    group by candidates.event_id_a, candidates.event_id_b

)

select * from final
