-- The names the public outputs must not show, one row per country and text: each private person
-- the texts name (ref_named_private_persons, decided withhold_name), each withheld victim's name,
-- its last word (the surname, when it has at least four letters: a text that
-- mentions it may point to the person) and its key as the report's figures write a person
-- (lower case, words joined by '_', e.g. tamara_vaal). public_incident_register,
-- public_published_figure_reconciliation and public_indicator_scorecard withhold every text that
-- holds one. Internal (schema marts, protected): it lists the very names it protects.
with

register as (

    select * from {{ ref('incident_register') }}

),

-- private persons the texts name (coded twice, decided: ref_named_private_persons)
private_persons as (

    select * from {{ ref('ref_named_private_persons') }}
    where decision = 'withhold_name'

),

withheld_victims as (

    select
        register.country_code,
        register.victim_name,
        max(register.load_batch_id) as load_batch_id

    from register
    where register.victim_confidentiality != 'public' and register.victim_name is not null
    group by register.country_code, register.victim_name

),

texts as (

    select
        withheld_victims.country_code,
        'name' as text_kind,
        lower(withheld_victims.victim_name) as withheld_text,
        withheld_victims.load_batch_id

    from withheld_victims

    union

    select
        withheld_victims.country_code,
        'surname' as text_kind,
        lower(regexp_extract(withheld_victims.victim_name, {{ regex('(\\S+)$') }}, 1)) as withheld_text,
        withheld_victims.load_batch_id

    from withheld_victims
    where length(regexp_extract(withheld_victims.victim_name, {{ regex('(\\S+)$') }}, 1)) >= 4

    union

    select
        withheld_victims.country_code,
        'figure_key' as text_kind,
        'person=' || trim(both '_' from {{ regexp_replace_all('lower(withheld_victims.victim_name)', regex('[^a-z0-9]+'), "'_'") }})
            as withheld_text,
        withheld_victims.load_batch_id

    from withheld_victims

    union

    select
        private_persons.country_code,
        'private_person' as text_kind,
        lower(private_persons.name_as_written) as withheld_text,
        0 as load_batch_id

    from private_persons

),

-- a text two names share (a surname) once, with the newest batch among the rows that withhold it
final as (

    select
        texts.country_code,
        texts.text_kind,
        texts.withheld_text,
        max(texts.load_batch_id) as load_batch_id

    from texts
    group by texts.country_code, texts.text_kind, texts.withheld_text

)

select * from final
