-- The incident register as an analyst or the explorer reads it: one row per incident victim, every
-- source, with the label beside each code (category, SDG 16.10.1 type, victim group, role, sex,
-- perpetrator and its SDG status, verification, arbitrariness, current legal status), the
-- source's own category and motive as it publishes them, the date with its precision, the place, the
-- summary, the source and its locator, the event group across sources, and the confidentiality level the
-- public outputs apply (public_incident_register). Unknowns read as unknown: 'date unknown',
-- 'sex unknown', 'not a person', 'unnamed person'.
-- A table built by load batch: a row carries the newest batch among what it shows (the victim and
-- their person, the incident with its legal actions and event group, the SDG 16.10.1 decision),
-- and an append rewrites the rows whose inputs carry a newer batch than the table holds.
with

all_victims as (

    select * from {{ ref('incident_register_victims') }}

),

-- the rows this run (re)builds: all, or in an append those whose victim, incident or SDG decision
-- carries a newer batch (on Spark the partitions they fall in). The incidents and the SDG
-- decisions are read here from their relations, not from the CTEs below: a CTE read twice is
-- materialized whole, which an append cannot afford.
victims as (

    {% if is_incremental() %}
        select * from {{ newer_batch_rows(ref('incident_register_victims'), 'victim_rows', [
            {'column': 'incident_key', 'from': ref('incident_register_incidents')},
            {'column': 'incident_victim_id', 'from': ref('sdg_16_10_1_victims')},
        ]) }}
    {% else %}
        select all_victims.*
        from all_victims
    {% endif %}

),

-- the incidents of those rows
incidents as (

    select register_incidents.*
    from {{ ref('incident_register_incidents') }} as register_incidents
    {%- if is_incremental() %}
    where register_incidents.incident_key in (select victims.incident_key from victims)
    {%- endif %}

),

-- the SDG 16.10.1 rule's decision, read from its one home
sdg_victims as (

    select * from {{ ref('sdg_16_10_1_victims') }}

),

terms as (

    select * from {{ ref('vocabulary_terms') }}

),

sdg_violation_types as (

    select * from {{ ref('ref_sdg_violation_types') }}

),

sdg_victim_groups as (

    select * from {{ ref('ref_sdg_victim_groups') }}

),

sdg_perpetrator_statuses as (

    select * from {{ ref('ref_sdg_perpetrator_statuses') }}

),

final as (

    select
        victims.incident_victim_key,
        victims.incident_victim_id,
        incidents.incident_key,
        incidents.event_id,
        incidents.source_id,
        incidents.source_publisher,
        incidents.source_record_locator,
        incidents.source_section,
        incidents.event_group_id,
        incidents.event_group_source_count,
        incidents.country_code,
        incidents.period_year,
        incidents.event_country_code,
        incidents.event_country_name,
        incidents.event_date,
        incidents.date_precision,
        incidents.event_date_label,
        incidents.event_year,
        incidents.event_month,
        incidents.is_historical,
        incidents.city_name,
        incidents.region_code,
        incidents.region_name,
        incidents.category_code,
        incidents.category_name,
        incidents.category_as_reported,
        incidents.motive_as_reported,
        incidents.sdg_violation_code,
        -- the incident's own type after the arbitrariness rule, never its category's: a deprivation
        -- of liberty whose arbitrariness is not established is not labelled arbitrary detention
        sdg_violation_types.sdg_violation_name,
        coalesce(sdg_victims.is_sdg_16_10_1_violation, false) as counts_in_sdg_16_10_1,
        -- counted in the SDG table: in a type A-F, or beside D (arbitrariness not established)
        sdg_victims.incident_victim_id is not null as is_in_sdg_16_10_1_table,
        incidents.jfj_category_code,
        incidents.jfj_category_name,
        incidents.context_code,
        context_terms.term_label as context_name,
        victims.victim_key,
        victims.victim_name,
        coalesce(victims.victim_name, 'unnamed ' || lower(victim_type_terms.term_label)) as victim_label,
        victims.victim_type,
        victim_type_terms.term_label as victim_type_name,
        victims.role_code,
        role_terms.term_label as role_name,
        victims.sdg_victim_group,
        sdg_victim_groups.sdg_victim_group_name,
        victims.sex,
        sex_terms.term_label as sex_label,
        victims.sex_basis,
        incidents.perpetrator_type_code,
        perpetrator_terms.term_label as perpetrator_type_name,
        incidents.sdg_perpetrator_status,
        sdg_perpetrator_statuses.sdg_perpetrator_status_name,
        incidents.perpetrator_description,
        incidents.verification_status_code,
        verification_terms.term_label as verification_status_name,
        incidents.is_verified,
        incidents.arbitrariness_category_code,
        arbitrariness_terms.term_label as arbitrariness_category_name,
        incidents.legal_action_count,
        incidents.legal_status_code,
        coalesce(legal_terms.term_label, 'No case reported') as legal_status_name,
        incidents.event_summary,
        victims.victim_confidentiality,
        victims.victim_confidentiality_basis,
        victims.perpetrator_confidentiality,
        victims.perpetrator_confidentiality_basis,
        greatest(
            victims.load_batch_id,
            incidents.load_batch_id,
            coalesce(sdg_victims.load_batch_id, victims.load_batch_id)
        ) as load_batch_id

    from victims
    inner join incidents
        on victims.incident_key = incidents.incident_key
    inner join sdg_violation_types
        on incidents.sdg_violation_code = sdg_violation_types.sdg_violation_code
    left join sdg_victims
        on
            victims.country_code = sdg_victims.country_code
            and victims.period_year = sdg_victims.period_year
            and victims.incident_victim_id = sdg_victims.incident_victim_id
    left join sdg_victim_groups
        on victims.sdg_victim_group = sdg_victim_groups.sdg_victim_group
    left join sdg_perpetrator_statuses
        on incidents.sdg_perpetrator_status = sdg_perpetrator_statuses.sdg_perpetrator_status
    left join terms as context_terms
        on context_terms.vocabulary = 'event_context' and incidents.context_code = context_terms.term_code
    left join terms as victim_type_terms
        on victim_type_terms.vocabulary = 'victim_type' and victims.victim_type = victim_type_terms.term_code
    left join terms as role_terms
        on role_terms.vocabulary = 'victim_role' and victims.role_code = role_terms.term_code
    left join terms as sex_terms
        on sex_terms.vocabulary = 'sex' and victims.sex = sex_terms.term_code
    left join terms as perpetrator_terms
        on perpetrator_terms.vocabulary = 'perpetrator_type' and incidents.perpetrator_type_code = perpetrator_terms.term_code
    left join terms as verification_terms
        on
            verification_terms.vocabulary = 'verification_status'
            and incidents.verification_status_code = verification_terms.term_code
    left join terms as arbitrariness_terms
        on
            arbitrariness_terms.vocabulary = 'arbitrariness_category'
            and incidents.arbitrariness_category_code = arbitrariness_terms.term_code
    left join terms as legal_terms
        on legal_terms.vocabulary = 'legal_stage' and incidents.legal_status_code = legal_terms.term_code

)

select * from final
