{{ config(
    alias='incident_register',
    pre_hook="{{ delete_rows_to_rebuild(rewritten_rows('public_incident_register')) }}",
) }}
-- The incident register as it may be published (schema public): marts.incident_register with the
-- confidentiality rule applied. A record at withhold_record is left out; at withhold_name the
-- victim's name is replaced by 'name withheld'. The free text that may carry a withheld name goes
-- too: the perpetrator's description when the perpetrator is withheld or a text of the incident
-- names a withheld person, and the summary and the source locator (a verbatim phrase or a
-- monitor's identifying fields) of any incident with a withheld victim or perpetrator or whose
-- texts name a withheld person (a withheld victim's name or surname, or a private person the texts
-- name, ref_named_private_persons: withheld_names); a withheld victim's key (derived from the
-- name) is withheld too. The internal
-- confidentiality basis is not published.
-- An append rebuilds the incidents it changes (macros/append_changes.sql), whose rows the pre-hook
-- deletes first.
with

all_register as (

    select * from {{ ref('incident_register') }}

),

-- the rows this run (re)builds: every incident, or in an append those it changes (on Spark the
-- partitions they fall in)
register as (

    select all_register.*
    from all_register
    {%- if rebuilds_appended_partitions_only() %}
    where {{ rows_to_rebuild('all_register',
        in_keys_to_rebuild('all_register.incident_key', public_register_incidents_to_rebuild())) }}
    {%- endif %}

),

-- each withheld victim's name and surname, and each private person the texts name (withheld_names,
-- where the rule lives): a free text that mentions one may point to the person
withheld_names as (

    select * from {{ ref('withheld_names') }}
    where text_kind in ('name', 'surname', 'private_person')

),

-- incidents whose free texts (summary, locator, perpetrator's description) name a withheld person
naming_incidents as (

    select distinct register.incident_key
    from register
    inner join withheld_names
        on
            register.country_code = withheld_names.country_code
            and {{ mentions_withheld('withheld_names', ['register.event_summary', 'register.source_record_locator',
                'register.perpetrator_description']) }}

),

withheld_incidents as (

    select distinct register.incident_key
    from register
    where register.victim_confidentiality != 'public' or register.perpetrator_confidentiality != 'public'

    union

    select naming_incidents.incident_key
    from naming_incidents

),

final as (

    select
        register.incident_victim_key,
        register.incident_victim_id,
        register.incident_key,
        register.event_id,
        register.source_id,
        register.source_publisher,
        case
            when withheld_incidents.incident_key is null then register.source_record_locator
            else {{ withheld_text() }}
        end as source_record_locator,
        register.event_group_id,
        register.event_group_source_count,
        register.country_code,
        register.period_year,
        register.event_country_code,
        register.event_country_name,
        register.event_date,
        register.date_precision,
        register.event_date_label,
        register.event_year,
        register.event_month,
        register.is_historical,
        register.city_name,
        register.region_code,
        register.region_name,
        register.category_code,
        register.category_name,
        register.category_as_reported,
        register.motive_as_reported,
        register.sdg_violation_code,
        register.sdg_violation_name,
        register.counts_in_sdg_16_10_1,
        register.is_in_sdg_16_10_1_table,
        register.jfj_category_code,
        register.jfj_category_name,
        register.context_code,
        register.context_name,
        -- the key is derived from the name, so a withheld name's key is withheld too
        case when register.victim_confidentiality = 'public' then register.victim_key end as victim_key,
        case when register.victim_confidentiality = 'public' then register.victim_name end as victim_name,
        case
            when register.victim_confidentiality = 'public' then register.victim_label else 'name withheld'
        end as victim_label,
        register.victim_type,
        register.victim_type_name,
        register.role_code,
        register.role_name,
        register.sdg_victim_group,
        register.sdg_victim_group_name,
        register.sex,
        register.sex_label,
        register.perpetrator_type_code,
        register.perpetrator_type_name,
        register.sdg_perpetrator_status,
        register.sdg_perpetrator_status_name,
        case
            when register.perpetrator_confidentiality = 'public' and naming_incidents.incident_key is null
                then register.perpetrator_description
            else 'withheld'
        end as perpetrator_description,
        register.verification_status_code,
        register.verification_status_name,
        register.is_verified,
        register.arbitrariness_category_code,
        register.arbitrariness_category_name,
        register.legal_action_count,
        register.legal_status_code,
        register.legal_status_name,
        case
            when withheld_incidents.incident_key is null then register.event_summary
            else {{ withheld_text() }}
        end as event_summary,
        register.victim_confidentiality != 'public' or register.perpetrator_confidentiality != 'public'
            as has_withheld_fields

    from register
    left join withheld_incidents
        on register.incident_key = withheld_incidents.incident_key
    left join naming_incidents
        on register.incident_key = naming_incidents.incident_key
    where register.victim_confidentiality != 'withhold_record'

)

select * from final
