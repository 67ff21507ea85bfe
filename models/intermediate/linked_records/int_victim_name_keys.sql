-- The name key of every named person victim that a record of another source could name too: the
-- rule of when two spellings are one name, in one place (int_record_links links records by it,
-- int_person_links links their persons by it). Each name and each alias in brackets ("Gennady
-- Pavlyuk (Ibragim Rustambek)") is a variant; a variant's key is the variant lowercased, accents
-- stripped, hyphens and runs of white space made one space, then folded by ref_name_folds one
-- rule after another (so that romanisations meet); the words of the key are separated by one space.
-- Only dated victims of countries that more than one source names victims in are keyed (a large
-- register of one monitor costs a scan, not a fold of every name). One row per victim and variant.
with recursive

incidents as (

    select * from {{ ref('int_incidents__classified') }}

),

register_victims as (

    select * from {{ ref('int_register__incident_victims') }}

),

folds as (

    select * from {{ ref('ref_name_folds') }}

),

victims as (

    select
        register_victims.incident_victim_id,
        register_victims.event_id,
        register_victims.source_id,
        register_victims.victim_type,
        register_victims.victim_name,
        incidents.event_country_code,
        incidents.event_year,
        incidents.is_dated
    from register_victims
    inner join incidents
        on register_victims.event_id = incidents.event_id

),

countries_with_several_naming_sources as (

    select victims.event_country_code
    from victims
    group by victims.event_country_code
    having count(distinct victims.source_id) > 1

),

comparable_victims as (

    select victims.*
    from victims
    semi join countries_with_several_naming_sources
        on victims.event_country_code = countries_with_several_naming_sources.event_country_code
    where victims.victim_type = 'person' and victims.victim_name is not null and victims.is_dated

),

ordered_folds as (

    select
        folds.pattern,
        coalesce(folds.replacement, '') as replacement,
        row_number() over (order by folds.rule_order) as step
    from folds

),

name_variants as (

    select
        comparable_victims.incident_victim_id,
        comparable_victims.event_id,
        comparable_victims.source_id,
        comparable_victims.event_country_code,
        comparable_victims.event_year,
        comparable_victims.victim_name,
        trim({{ regexp_replace_all('comparable_victims.victim_name', regex('\\s*\\(.*\\)\\s*'), "' '") }}) as variant
    from comparable_victims

    union

    select
        comparable_victims.incident_victim_id,
        comparable_victims.event_id,
        comparable_victims.source_id,
        comparable_victims.event_country_code,
        comparable_victims.event_year,
        comparable_victims.victim_name,
        trim(regexp_extract(comparable_victims.victim_name, {{ regex('\\((.*)\\)') }}, 1)) as variant
    from comparable_victims
    where {{ regexp_contains('comparable_victims.victim_name', regex('\\(.+\\)')) }}

),

numbered_variants as (

    select
        name_variants.*,
        row_number() over (order by name_variants.incident_victim_id, name_variants.variant) as variant_id
    from name_variants
    where name_variants.variant != ''

),

-- the folds applied one after another, in rule order
folded (variant_id, step, folded_name) as (

    select
        numbered_variants.variant_id,
        0 as step,
        {{ regexp_replace_all(
            'lower(' ~ strip_accents('numbered_variants.variant') ~ ')', regex('[\\s-]+'), "' '"
        ) }} as folded_name
    from numbered_variants

    union all

    select
        folded.variant_id,
        folded.step + 1 as step,
        {{ regexp_replace_all('folded.folded_name', 'ordered_folds.pattern', 'ordered_folds.replacement') }} as folded_name
    from folded
    inner join ordered_folds
        on folded.step + 1 = ordered_folds.step

),

final as (

    select
        numbered_variants.incident_victim_id,
        numbered_variants.event_id,
        numbered_variants.source_id,
        numbered_variants.event_country_code,
        numbered_variants.event_year,
        numbered_variants.victim_name,
        numbered_variants.variant,
        trim({{ regexp_replace_all('max_by(folded.folded_name, folded.step)', regex('\\s+'), "' '") }}) as name_key

    from numbered_variants
    inner join folded
        on numbered_variants.variant_id = folded.variant_id
    group by all

)

select * from final
