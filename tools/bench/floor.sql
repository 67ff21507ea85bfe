-- The floor of `make bench` (tools/bench/floor.py runs this file): the register's core facts and
-- main marts written with the simplest DuckDB SQL that gives the rows of the dbt build.
--
-- Each statement follows a line `-- step: <name>`; floor.py runs them in order and times each.
-- Placeholders filled in by floor.py:
--   @REGISTER@          the register directory (<table>/*.parquet, as JSI_EXTERNAL_REGISTER)
--   @WH@                the catalog of the dbt warehouse, attached READ_ONLY (reference data only)
--   @YEAR_TOLERANCE@    var record_link_year_tolerance (dbt_project.yml)
--   @PLACE_CATEGORIES@  var record_link_place_categories, as a SQL list of strings
--   @FOLD_NAME(<expression>)@  ref_name_folds applied to the expression in rule order (nested
--                       regexp_replace)
--   @MONITOR_RECORDS@   the union of the monitors' contract tables (monitors.*__monitor_records)
--
-- Intermediate results are tables of the floor's own file, dropped after their last reader: at 10M
-- victims, temporary tables (held in memory, uncompressed) ran out of a 3 GB memory limit.
--
-- Every parquet table of the register is read once: incident victims, incident events, legal
-- actions and legal action stages, by the first steps (register_victims, core.fct_incidents,
-- register_legal_actions, register_stages). Everything after reads the intermediate tables those
-- write, the tables this file writes and the reference data of the warehouse; an intermediate table
-- is dropped after the last step that reads it. The rules are those of the dbt models named in
-- each step's comment.

-- step: reference
-- the loaded records of every monitor (macros/monitors.sql: not quarantined, not superseded)
create table monitor_records as
select *
from (@MONITOR_RECORDS@) as records
where records.rejected_column is null and records.superseded_by_source_id is null;

create temp macro key1(a) as md5(coalesce(cast(a as varchar), '<null>'));
create temp macro key2(a, b) as md5(concat_ws(
    '||', coalesce(cast(a as varchar), '<null>'), coalesce(cast(b as varchar), '<null>')
));
create temp macro key3(a, b, c) as md5(concat_ws(
    '||', coalesce(cast(a as varchar), '<null>'), coalesce(cast(b as varchar), '<null>'),
    coalesce(cast(c as varchar), '<null>')
));
create schema if not exists core;
create schema if not exists marts;

-- step: register_victims
-- stg_assessment__incident_victims and int_register__incident_victims: names and outlets in their
-- canonical spelling, the source, one victim per monitor record, and victim_identity
-- (macros/keys.sql)
create table register_victims as
with

register_rows as (
    select
        *,
        0 as load_batch_id
    from @WH@.raw.raw_incident_victims
    union all by name
    select * from read_parquet('@REGISTER@/incident_victims/*.parquet')
),

staged as (
    select
        nullif(trim(victim_id), '') as incident_victim_id,
        nullif(trim(event_id), '') as event_id,
        nullif(trim(country_code), '') as country_code,
        period_year,
        nullif(trim(victim_name), '') as victim_name,
        nullif(trim(victim_type), '') as victim_type,
        nullif(trim(role_code), '') as role_code,
        nullif(trim(sex), '') as sex,
        nullif(trim(sex_basis), '') as sex_basis,
        nullif(trim(outlet_name), '') as outlet_name,
        nullif(trim(source_section), '') as source_section,
        nullif(trim(source_locator), '') as source_locator,
        load_batch_id
    from register_rows
),

unioned as (
    select
        staged.incident_victim_id,
        staged.event_id,
        staged.country_code,
        staged.period_year,
        coalesce(person_names.canonical_name, staged.victim_name) as victim_name,
        staged.victim_type,
        staged.role_code,
        staged.sex,
        staged.sex_basis,
        coalesce(outlet_names.canonical_name, staged.outlet_name) as outlet_name,
        staged.source_section,
        staged.source_locator,
        staged.load_batch_id,
        coalesce(assessments.source_id, 'external_register') as source_id,
        staged.source_locator as source_record_locator
    from staged
    left join @WH@.staging.stg_assessment__name_variants as person_names
        on
            person_names.entity_type = 'person'
            and staged.country_code = person_names.country_code
            and staged.victim_name = person_names.variant_name
    left join @WH@.staging.stg_assessment__name_variants as outlet_names
        on
            outlet_names.entity_type = 'outlet'
            and staged.country_code = outlet_names.country_code
            and staged.outlet_name = outlet_names.variant_name
    left join @WH@.staging.stg_assessment__assessment_sources as assessments
        on staged.country_code = assessments.country_code and staged.period_year = assessments.period_year

    union all

    select
        records.event_id || '-V1' as incident_victim_id,
        records.event_id,
        records.country_code,
        records.period_year,
        records.victim_name,
        records.victim_type,
        records.role_code,
        records.sex,
        records.sex_basis,
        records.outlet_name,
        'export' as source_section,
        records.source_record_locator as source_locator,
        0 as load_batch_id,
        records.source_id,
        records.source_record_locator
    from monitor_records as records
)

select
    unioned.*,
    case
        when sources.victim_identity_rule = 'record' and unioned.victim_name is not null
            then 'record ' || unioned.event_id
        else unioned.victim_name
    end as victim_identity
from unioned
left join @WH@.intermediate.int_sources as sources
    on unioned.source_id = sources.source_id;

-- step: core.fct_incidents
-- stg_assessment__incident_events and int_register__incident_events: the shipped seed (batch 0)
-- and the parquet files, trimmed, cities in their canonical spelling, with their source, and the
-- monitors' events; int_incident_acts, int_incidents__most_serious_act and
-- int_incidents__classified: each act (main and secondary categories) typed by the arbitrariness
-- rule, the gravest act's type, the incident's labels; fct_incidents: with its victim counts and
-- coded ground. (The later steps read fct_incidents where the models read int_incidents__classified:
-- the same rows, with more columns.)
create table core.fct_incidents as
with

register_rows as (
    select
        *,
        0 as load_batch_id
    from @WH@.raw.raw_incident_events
    union all by name
    select * from read_parquet('@REGISTER@/incident_events/*.parquet')
),

staged as (
    select
        nullif(trim(event_id), '') as event_id,
        nullif(trim(country_code), '') as country_code,
        period_year,
        nullif(trim(event_country_code), '') as event_country_code,
        event_date,
        nullif(trim(date_precision), '') as date_precision,
        nullif(trim(category_code), '') as category_code,
        nullif(trim(secondary_category_codes), '') as secondary_category_codes,
        nullif(trim(city), '') as city_name,
        nullif(trim(context_code), '') as context_code,
        nullif(trim(perpetrator_type_code), '') as perpetrator_type_code,
        nullif(trim(perpetrator_description), '') as perpetrator_description,
        nullif(trim(verification_status_code), '') as verification_status_code,
        nullif(trim(arbitrariness_category_code), '') as arbitrariness_category_code,
        nullif(trim(arbitrariness_locator), '') as arbitrariness_locator,
        nullif(trim(summary), '') as event_summary,
        alt_event_date,
        nullif(trim(inconsistency_note), '') as inconsistency_note,
        nullif(trim(source_section), '') as source_section,
        nullif(trim(source_locator), '') as source_locator,
        load_batch_id
    from register_rows
),

events as materialized (
    select
        staged.event_id,
        staged.country_code,
        staged.period_year,
        staged.event_country_code,
        staged.event_date,
        staged.date_precision,
        staged.category_code,
        staged.secondary_category_codes,
        coalesce(cities.canonical_name, staged.city_name) as city_name,
        staged.context_code,
        staged.perpetrator_type_code,
        staged.perpetrator_description,
        staged.verification_status_code,
        staged.arbitrariness_category_code,
        staged.arbitrariness_locator,
        staged.event_summary,
        staged.alt_event_date,
        staged.inconsistency_note,
        staged.source_section,
        staged.source_locator,
        staged.load_batch_id,
        cast(null as varchar) as impunity_outcome_code,
        cast(null as varchar) as category_as_reported,
        cast(null as varchar) as motive_as_reported,
        coalesce(assessments.source_id, 'external_register') as source_id,
        staged.source_locator as source_record_locator
    from staged
    left join @WH@.staging.stg_assessment__name_variants as cities
        on
            cities.entity_type = 'city'
            and staged.country_code = cities.country_code
            and staged.city_name = cities.variant_name
    left join @WH@.staging.stg_assessment__assessment_sources as assessments
        on staged.country_code = assessments.country_code and staged.period_year = assessments.period_year

    union all

    select
        records.event_id,
        records.country_code,
        records.period_year,
        records.event_country_code,
        records.event_date,
        records.date_precision,
        records.category_code,
        records.secondary_category_codes,
        records.city_name,
        records.context_code,
        records.perpetrator_type_code,
        records.perpetrator_description,
        coalesce(records.verification_status_code, sources.record_verification_status_code) as verification_status_code,
        records.arbitrariness_category_code,
        records.arbitrariness_locator,
        records.event_summary,
        null as alt_event_date,
        null as inconsistency_note,
        'export' as source_section,
        records.source_record_locator as source_locator,
        0 as load_batch_id,
        records.impunity_outcome_code,
        records.category_as_reported,
        records.motive_as_reported,
        records.source_id,
        records.source_record_locator
    from monitor_records as records
    inner join @WH@.intermediate.int_sources as sources
        on records.source_id = sources.source_id
),

acts as (
    select
        event_id,
        country_code,
        period_year,
        category_code,
        arbitrariness_category_code
    from events

    union all

    select
        events.event_id,
        events.country_code,
        events.period_year,
        trim(secondary.category_code) as category_code,
        events.arbitrariness_category_code
    from events
    cross join unnest(string_split(events.secondary_category_codes, ';')) as secondary (category_code)
    where events.secondary_category_codes is not null
),

typed_acts as (
    select
        acts.event_id,
        acts.country_code,
        acts.period_year,
        case
            when coalesce(arbitrariness.is_arbitrary, false) then to_sdg.sdg_violation_code
            else coalesce(to_sdg.sdg_violation_code_if_not_arbitrary, to_sdg.sdg_violation_code)
        end as sdg_violation_code
    from acts
    inner join @WH@.raw.xwalk_category_to_sdg as to_sdg
        on acts.category_code = to_sdg.category_code
    left join @WH@.raw.vocab_arbitrariness_categories as arbitrariness
        on acts.arbitrariness_category_code = arbitrariness.arbitrariness_category_code
),

most_serious as (
    select
        typed_acts.event_id,
        min_by(typed_acts.sdg_violation_code, violation_types.severity_rank) as sdg_violation_code,
        count(*) as act_count
    from typed_acts
    inner join @WH@.raw.ref_sdg_violation_types as violation_types
        on typed_acts.sdg_violation_code = violation_types.sdg_violation_code
    group by typed_acts.event_id, typed_acts.country_code, typed_acts.period_year
),

victim_counts as (
    select
        event_id,
        count(*) as victim_count,
        count(*) filter (where victim_type = 'person') as person_victim_count,
        max(load_batch_id) as load_batch_id
    from register_victims
    group by event_id
)

select
    key3(events.country_code, events.period_year, events.event_id) as incident_key,
    events.event_id,
    events.country_code,
    events.period_year,
    events.event_country_code,
    events.event_date,
    events.date_precision,
    events.event_date is not null as is_dated,
    cast(year(events.event_date) as integer) as event_year,
    case
        when events.date_precision in ('day', 'month') then cast(date_trunc('month', events.event_date) as date)
    end as event_month,
    year(events.event_date) < events.period_year as is_historical,
    events.category_code,
    events.secondary_category_codes,
    most_serious.act_count,
    most_serious.sdg_violation_code,
    to_jfj.jfj_category_code,
    events.city_name,
    cities.region_code,
    events.context_code,
    events.perpetrator_type_code,
    perpetrator_types.sdg_perpetrator_status,
    events.perpetrator_description,
    events.verification_status_code,
    verification_statuses.is_verified,
    events.arbitrariness_category_code,
    arbitrariness.is_arbitrary,
    events.arbitrariness_locator,
    grounds.resolved_value as deprivation_ground_code,
    coalesce(victim_counts.victim_count, 0) as victim_count,
    coalesce(victim_counts.person_victim_count, 0) as person_victim_count,
    events.event_summary,
    events.alt_event_date,
    events.inconsistency_note is not null as has_source_inconsistency,
    events.inconsistency_note,
    events.source_section,
    events.source_locator,
    events.impunity_outcome_code,
    events.category_as_reported,
    events.motive_as_reported,
    events.source_id,
    events.source_record_locator,
    greatest(events.load_batch_id, coalesce(victim_counts.load_batch_id, 0)) as load_batch_id
from events
inner join most_serious
    on events.event_id = most_serious.event_id
inner join @WH@.raw.xwalk_category_to_jfj as to_jfj
    on events.category_code = to_jfj.category_code
inner join @WH@.raw.vocab_perpetrator_types as perpetrator_types
    on events.perpetrator_type_code = perpetrator_types.perpetrator_type_code
inner join @WH@.raw.vocab_verification_statuses as verification_statuses
    on events.verification_status_code = verification_statuses.verification_status_code
left join @WH@.raw.vocab_arbitrariness_categories as arbitrariness
    on events.arbitrariness_category_code = arbitrariness.arbitrariness_category_code
left join @WH@.raw.ref_cities as cities
    on events.country_code = cities.country_code and events.city_name = cities.city_name
left join victim_counts
    on events.event_id = victim_counts.event_id
left join @WH@.intermediate.int_sdg_codings__resolved as grounds
    on
        grounds.field = 'ground'
        and grounds.resolved_value != 'not_applicable'
        and events.country_code = grounds.country_code
        and events.period_year = grounds.period_year
        and events.event_id = grounds.unit_id;

-- step: register_legal_actions
-- stg_assessment__legal_actions and int_register__legal_actions: the register's legal actions
-- and one per monitor record that states a legal stage
create table register_legal_actions as
with

register_rows as (
    select
        *,
        0 as load_batch_id
    from @WH@.raw.raw_legal_actions
    union all by name
    select * from read_parquet('@REGISTER@/legal_actions/*.parquet')
),

staged as (
    select
        nullif(trim(legal_action_id), '') as legal_action_id,
        nullif(trim(country_code), '') as country_code,
        period_year,
        nullif(trim(procedure_type), '') as procedure_type,
        nullif(trim(journalist_position), '') as journalist_position,
        nullif(trim(related_event_id), '') as related_event_id,
        nullif(trim(legal_article_id), '') as legal_article_id,
        nullif(trim(victim_name), '') as victim_name,
        nullif(trim(victim_role_code), '') as victim_role_code,
        nullif(trim(victim_sex), '') as victim_sex,
        nullif(trim(victim_sex_basis), '') as victim_sex_basis,
        nullif(trim(outlet_name), '') as outlet_name,
        nullif(trim(claimant_type), '') as claimant_type,
        nullif(trim(claimant_description), '') as claimant_description,
        nullif(trim(summary), '') as legal_action_summary,
        nullif(trim(inconsistency_note), '') as inconsistency_note,
        nullif(trim(source_section), '') as source_section,
        nullif(trim(source_locator), '') as source_locator,
        load_batch_id
    from register_rows
),

unioned as (
    select
        staged.legal_action_id,
        staged.country_code,
        staged.period_year,
        staged.procedure_type,
        staged.journalist_position,
        staged.related_event_id,
        staged.legal_article_id,
        coalesce(person_names.canonical_name, staged.victim_name) as victim_name,
        staged.victim_role_code,
        staged.victim_sex,
        staged.victim_sex_basis,
        coalesce(outlet_names.canonical_name, staged.outlet_name) as outlet_name,
        staged.claimant_type,
        staged.claimant_description,
        staged.legal_action_summary,
        staged.inconsistency_note,
        staged.source_section,
        staged.source_locator,
        staged.load_batch_id,
        coalesce(assessments.source_id, 'external_register') as source_id,
        staged.source_locator as source_record_locator
    from staged
    left join @WH@.staging.stg_assessment__name_variants as person_names
        on
            person_names.entity_type = 'person'
            and staged.country_code = person_names.country_code
            and staged.victim_name = person_names.variant_name
    left join @WH@.staging.stg_assessment__name_variants as outlet_names
        on
            outlet_names.entity_type = 'outlet'
            and staged.country_code = outlet_names.country_code
            and staged.outlet_name = outlet_names.variant_name
    left join @WH@.staging.stg_assessment__assessment_sources as assessments
        on staged.country_code = assessments.country_code and staged.period_year = assessments.period_year

    union all

    select
        records.event_id || '-LA1' as legal_action_id,
        records.country_code,
        records.period_year,
        records.legal_procedure_type as procedure_type,
        records.legal_journalist_position as journalist_position,
        records.event_id as related_event_id,
        null as legal_article_id,
        records.victim_name,
        records.role_code as victim_role_code,
        records.sex as victim_sex,
        records.sex_basis as victim_sex_basis,
        null as outlet_name,
        null as claimant_type,
        null as claimant_description,
        records.legal_action_summary,
        null as inconsistency_note,
        'export' as source_section,
        records.source_record_locator as source_locator,
        0 as load_batch_id,
        records.source_id,
        records.source_record_locator
    from monitor_records as records
    where records.legal_stage_code is not null
)

select
    unioned.*,
    case
        when sources.victim_identity_rule = 'record' and unioned.victim_name is not null
            then 'record ' || unioned.related_event_id
        else unioned.victim_name
    end as victim_identity
from unioned
left join @WH@.intermediate.int_sources as sources
    on unioned.source_id = sources.source_id;

-- step: register_stages
-- stg_assessment__legal_action_stages, int_register__legal_action_stages and
-- int_legal_action_stages__sequenced: each action's stages in stage_id order, with the next
-- stage's date and the current stage
create table register_stages as
with

register_rows as (
    select
        *,
        0 as load_batch_id
    from @WH@.raw.raw_legal_action_stages
    union all by name
    select * from read_parquet('@REGISTER@/legal_action_stages/*.parquet')
),

stages as (
    select
        nullif(trim(stage_id), '') as stage_id,
        nullif(trim(legal_action_id), '') as legal_action_id,
        nullif(trim(country_code), '') as country_code,
        period_year,
        stage_date,
        nullif(trim(date_precision), '') as date_precision,
        nullif(trim(stage_code), '') as stage_code,
        nullif(trim(penalty_text), '') as penalty_text,
        alt_stage_date,
        nullif(trim(inconsistency_note), '') as inconsistency_note,
        nullif(trim(source_section), '') as source_section,
        nullif(trim(source_locator), '') as source_locator,
        load_batch_id
    from register_rows

    union all

    select
        records.event_id || '-LS1' as stage_id,
        records.event_id || '-LA1' as legal_action_id,
        records.country_code,
        records.period_year,
        null as stage_date,
        'unknown' as date_precision,
        records.legal_stage_code as stage_code,
        null as penalty_text,
        null as alt_stage_date,
        null as inconsistency_note,
        'export' as source_section,
        records.source_record_locator as source_locator,
        0 as load_batch_id
    from monitor_records as records
    where records.legal_stage_code is not null
)

select
    stages.*,
    legal_stages.stage_order,
    legal_stages.is_terminal,
    legal_stages.outcome_group,
    legal_stages.impunity_status,
    row_number() over by_action as stage_sequence,
    lead(stages.stage_date) over by_action as next_stage_date,
    row_number() over by_action = count(*) over (partition by stages.legal_action_id) as is_current_stage
from stages
inner join @WH@.raw.vocab_legal_stages as legal_stages
    on stages.stage_code = legal_stages.stage_code
window by_action as (partition by stages.legal_action_id order by stages.stage_id);

-- step: name_keys
-- int_victim_name_keys (macros/name_keys.sql): the name key of every variant of the name of each
-- dated, named person victim of a country that several sources name victims in
create table name_keys as
with

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
    inner join core.fct_incidents as incidents
        on register_victims.event_id = incidents.event_id
),

several_sources as (
    select event_country_code
    from victims
    group by event_country_code
    having count(distinct source_id) > 1
),

comparable as (
    select victims.*
    from victims
    semi join several_sources
        on victims.event_country_code = several_sources.event_country_code
    where victims.victim_type = 'person' and victims.victim_name is not null and victims.is_dated
),

variants as (
    select
        incident_victim_id,
        trim(regexp_replace(victim_name, '\s*\(.*\)\s*', ' ', 'g')) as variant
    from comparable

    union

    select
        incident_victim_id,
        trim(regexp_extract(victim_name, '\((.*)\)', 1)) as variant
    from comparable
    where regexp_matches(victim_name, '\(.+\)')
)

select
    comparable.incident_victim_id,
    comparable.event_id,
    comparable.source_id,
    comparable.event_country_code,
    comparable.event_year,
    comparable.victim_name,
    variants.variant,
    trim(regexp_replace(
        @FOLD_NAME(regexp_replace(lower(strip_accents(variants.variant)), '[\s-]+', ' ', 'g'))@,
        '\s+', ' ', 'g'
    )) as name_key
from comparable
inner join variants
    on comparable.incident_victim_id = variants.incident_victim_id
where variants.variant != '';

-- step: record_links
-- int_record_links: records of different sources linked by name key, by place (a one-to-one
-- match, at least one naming no person) or by decision, less the pairs never to link; the kind of
-- each link from the person victims of its two records
create table record_links as
with person_victim_counts as (
    select
        event_id,
        count(*) filter (where victim_type = 'person') as person_victim_count
    from register_victims
    group by event_id
),

several_sources as (
    select event_country_code
    from core.fct_incidents
    group by event_country_code
    having count(distinct source_id) > 1
),

shared_name_keys as (
    select
        name_key,
        event_country_code
    from name_keys
    group by name_key, event_country_code
    having count(distinct source_id) > 1
),

linkable as (
    select name_keys.*
    from name_keys
    semi join shared_name_keys
        on
            name_keys.name_key = shared_name_keys.name_key
            and name_keys.event_country_code = shared_name_keys.event_country_code
),

by_name as (
    select distinct
        least(one.event_id, other.event_id) as event_id_a,
        greatest(one.event_id, other.event_id) as event_id_b,
        'rule: name key ' || one.name_key || ', country ' || one.event_country_code
        || ', years ' || one.event_year || '/' || other.event_year as link_basis
    from linkable as one
    inner join linkable as other
        on
            one.name_key = other.name_key
            and one.event_country_code = other.event_country_code
            and one.source_id < other.source_id
            and abs(one.event_year - other.event_year) <= @YEAR_TOLERANCE@
),

place_records as (
    select
        incidents.event_id,
        incidents.source_id,
        incidents.event_country_code,
        incidents.event_year,
        incidents.category_code,
        lower(strip_accents(trim(split_part(incidents.city_name, ',', 1)))) as place_key,
        incidents.event_id in (
            select named.event_id from register_victims as named
            where named.victim_type = 'person' and named.victim_name is not null
        ) as names_a_person
    from core.fct_incidents as incidents
    semi join several_sources
        on incidents.event_country_code = several_sources.event_country_code
    where
        incidents.is_dated
        and incidents.city_name is not null
        and incidents.category_code in @PLACE_CATEGORIES@
),

single_place_records as (
    select *
    from place_records
    qualify count(*) over (partition by source_id, event_country_code, event_year, category_code, place_key) = 1
),

by_place as (
    select
        least(one.event_id, other.event_id) as event_id_a,
        greatest(one.event_id, other.event_id) as event_id_b,
        'rule: only ' || one.category_code || ' at ' || one.place_key || ', country '
        || one.event_country_code || ', year ' || one.event_year || ' in both sources' as link_basis
    from single_place_records as one
    inner join single_place_records as other
        on
            one.place_key = other.place_key
            and one.event_country_code = other.event_country_code
            and one.event_year = other.event_year
            and one.category_code = other.category_code
            and one.source_id < other.source_id
    where not (one.names_a_person and other.names_a_person)
),

decisions as (
    select
        least(event_id_a, event_id_b) as event_id_a,
        greatest(event_id_a, event_id_b) as event_id_b,
        decision,
        'decision: ' || reason as link_basis
    from @WH@.raw.ref_record_link_decisions
),

never_linked as (
    select * from decisions
    where decisions.decision = 'never_link'
),

links as (
    select
        candidates.event_id_a,
        candidates.event_id_b,
        string_agg(candidates.link_basis, '; ' order by candidates.link_basis) as link_basis
    from (
        select * from by_name
        union all
        select * from by_place
        union all
        select
            event_id_a,
            event_id_b,
            link_basis
        from decisions
        where decision = 'link'
    ) as candidates
    anti join never_linked
        on candidates.event_id_a = never_linked.event_id_a and candidates.event_id_b = never_linked.event_id_b
    group by candidates.event_id_a, candidates.event_id_b
),

counted as (
    select
        links.*,
        coalesce(counts_a.person_victim_count, 0) as count_a,
        coalesce(counts_b.person_victim_count, 0) as count_b
    from links
    left join person_victim_counts as counts_a on links.event_id_a = counts_a.event_id
    left join person_victim_counts as counts_b on links.event_id_b = counts_b.event_id
)

select
    event_id_a,
    event_id_b,
    link_basis,
    case when (count_a > 1) != (count_b > 1) then 'part_of' else 'same_event' end as link_kind
from counted;

-- step: person_links
-- int_person_links: the person victims of two linked records that are one person (same name key,
-- or each the only person victim of its record), with their keys within their sources
create table person_links as
with

person_victims as (
    select
        incident_victim_id,
        event_id,
        key3(country_code, victim_type, coalesce(victim_identity, incident_victim_id)) as source_victim_key,
        count(*) over (partition by event_id) as person_victim_count
    from register_victims
    where
        victim_type = 'person'
        and event_id in (
            select links_a.event_id_a from record_links as links_a
            union all
            select links_b.event_id_b from record_links as links_b
        )
),

pairs as (
    select distinct
        record_links.event_id_a,
        record_links.event_id_b,
        keys_a.incident_victim_id as incident_victim_id_a,
        keys_b.incident_victim_id as incident_victim_id_b,
        'name key ' || keys_a.name_key as person_link_basis
    from record_links
    inner join name_keys as keys_a
        on record_links.event_id_a = keys_a.event_id
    inner join name_keys as keys_b
        on record_links.event_id_b = keys_b.event_id and keys_a.name_key = keys_b.name_key

    union all

    select
        record_links.event_id_a,
        record_links.event_id_b,
        victims_a.incident_victim_id as incident_victim_id_a,
        victims_b.incident_victim_id as incident_victim_id_b,
        'the only person victim of both linked records' as person_link_basis
    from record_links
    inner join person_victims as victims_a
        on record_links.event_id_a = victims_a.event_id
    inner join person_victims as victims_b
        on record_links.event_id_b = victims_b.event_id
    where victims_a.person_victim_count = 1 and victims_b.person_victim_count = 1
)

select
    pairs.incident_victim_id_a,
    pairs.incident_victim_id_b,
    pairs.event_id_a,
    pairs.event_id_b,
    victims_a.source_victim_key as source_victim_key_a,
    victims_b.source_victim_key as source_victim_key_b,
    string_agg(pairs.person_link_basis, '; ' order by pairs.person_link_basis) as person_link_basis,
    min(record_links.link_basis) as record_link_basis
from pairs
inner join person_victims as victims_a
    on pairs.incident_victim_id_a = victims_a.incident_victim_id
inner join person_victims as victims_b
    on pairs.incident_victim_id_b = victims_b.incident_victim_id
inner join record_links
    on pairs.event_id_a = record_links.event_id_a and pairs.event_id_b = record_links.event_id_b
group by all;

-- step: groups
-- int_person_groups and int_event_groups: persons (records) joined by links, directly or through
-- others, are one person (one event group), keyed by the smallest key of the component
create table person_groups as
with recursive

edges as (
    select
        source_victim_key_a as from_key,
        source_victim_key_b as to_key
    from person_links
    where source_victim_key_a != source_victim_key_b
    union
    select
        source_victim_key_b,
        source_victim_key_a
    from person_links
    where source_victim_key_a != source_victim_key_b
),

reachable (node_key, reached_key) as (
    select
        edges.from_key as node_key,
        edges.from_key as reached_key
    from edges
    union
    select
        reachable.node_key,
        edges.to_key
    from reachable
    inner join edges on reachable.reached_key = edges.from_key
)

select
    node_key as source_victim_key,
    min(reached_key) as victim_key
from reachable
group by node_key;

create table event_groups as
with recursive

edges as (
    select
        event_id_a as from_key,
        event_id_b as to_key
    from record_links
    where link_kind = 'same_event'
    union
    select
        event_id_b,
        event_id_a
    from record_links
    where link_kind = 'same_event'
),

reachable (node_key, reached_key) as (
    select
        edges.from_key as node_key,
        edges.from_key as reached_key
    from edges
    union
    select
        reachable.node_key,
        edges.to_key
    from reachable
    inner join edges on reachable.reached_key = edges.from_key
)

select
    node_key as event_id,
    min(reached_key) as anchor_event_id
from reachable
group by node_key;

-- step: person_names
-- int_person_names__sex: the sex a named person's name tells (an exception, else an unambiguous
-- given name and the longest matching surname ending; unknown when they disagree)
create table person_names as
with

names as (
    select
        country_code,
        victim_name
    from register_victims
    where victim_type = 'person' and victim_name is not null

    union

    select
        register_legal_actions.country_code,
        register_legal_actions.victim_name
    from register_legal_actions
    inner join @WH@.raw.vocab_victim_roles as victim_roles
        on register_legal_actions.victim_role_code = victim_roles.role_code
    where victim_roles.default_victim_type = 'person' and register_legal_actions.victim_name is not null
),

parts as (
    select
        country_code,
        victim_name,
        lower(regexp_extract(victim_name, '^([^ ]+)', 1)) as given_name,
        lower(regexp_extract(victim_name, '([^ ]+)$', 1)) as surname
    from names
    where victim_name like '% %'
),

by_given_name as (
    select
        parts.country_code,
        parts.victim_name,
        conventions.sex
    from parts
    inner join @WH@.raw.ref_name_sex_conventions as conventions
        on
            parts.country_code = conventions.country_code
            and conventions.name_part = 'given_name'
            and conventions.match_type = 'exact'
            and parts.given_name = conventions.pattern
),

by_surname as (
    select
        parts.country_code,
        parts.victim_name,
        conventions.sex
    from parts
    inner join @WH@.raw.ref_name_sex_conventions as conventions
        on
            parts.country_code = conventions.country_code
            and conventions.name_part = 'surname'
            and conventions.match_type = 'suffix'
            and parts.surname like '%' || conventions.pattern
            and length(parts.surname) > length(conventions.pattern)
    qualify row_number() over (
        partition by parts.country_code, parts.victim_name order by length(conventions.pattern) desc
    ) = 1
)

select
    names.country_code,
    names.victim_name,
    case
        when exceptions.sex is not null then exceptions.sex
        when coalesce(by_given_name.sex != by_surname.sex, false) then 'unknown'
        else coalesce(by_given_name.sex, by_surname.sex, 'unknown')
    end as inferred_sex
from names
left join @WH@.raw.ref_name_sex_exceptions as exceptions
    on names.country_code = exceptions.country_code and names.victim_name = exceptions.victim_name
left join by_given_name
    on names.country_code = by_given_name.country_code and names.victim_name = by_given_name.victim_name
left join by_surname
    on names.country_code = by_surname.country_code and names.victim_name = by_surname.victim_name;

-- step: appearances
-- int_victim_appearances: every appearance of a victim (incident or legal action) with its
-- person key across sources, its sex by the precedence rule, its outlet and its SDG victim group;
-- an incident appearance keeps the victim row's other columns, for fct_incident_victims
create table appearances as
with

unioned as (
    select
        country_code,
        period_year,
        'incident' as appearance_type,
        incident_victim_id as appearance_id,
        victim_type,
        victim_name,
        victim_identity,
        role_code,
        sex,
        sex_basis,
        outlet_name,
        load_batch_id,
        event_id,
        source_section,
        source_locator,
        source_id,
        source_record_locator
    from register_victims

    union all

    select
        register_legal_actions.country_code,
        register_legal_actions.period_year,
        'legal_action' as appearance_type,
        register_legal_actions.legal_action_id as appearance_id,
        victim_roles.default_victim_type as victim_type,
        register_legal_actions.victim_name,
        register_legal_actions.victim_identity,
        register_legal_actions.victim_role_code as role_code,
        register_legal_actions.victim_sex as sex,
        register_legal_actions.victim_sex_basis as sex_basis,
        register_legal_actions.outlet_name,
        register_legal_actions.load_batch_id,
        null as event_id,
        null as source_section,
        null as source_locator,
        null as source_id,
        null as source_record_locator
    from register_legal_actions
    inner join @WH@.raw.vocab_victim_roles as victim_roles
        on register_legal_actions.victim_role_code = victim_roles.role_code
),

decided as (
    select
        key3(unioned.country_code, unioned.victim_type, coalesce(unioned.victim_identity, unioned.appearance_id))
            as source_victim_key,
        unioned.* exclude (sex, sex_basis, victim_identity),
        case
            when unioned.victim_type != 'person' then 'not_applicable'
            when unioned.sex in ('female', 'male') then unioned.sex
            when person_names.inferred_sex in ('female', 'male') then person_names.inferred_sex
            else 'unknown'
        end as sex,
        case
            when unioned.victim_type != 'person' then 'not_applicable'
            when unioned.sex in ('female', 'male') then unioned.sex_basis
            when person_names.inferred_sex in ('female', 'male') then 'name_convention'
            else 'unknown'
        end as sex_basis,
        coalesce(unioned.outlet_name, case when unioned.victim_type = 'outlet' then unioned.victim_name end)
            as affected_outlet_name,
        coalesce(coded_groups.resolved_value, role_groups.sdg_victim_group) as sdg_victim_group,
        case when coded_groups.resolved_value is not null then 'coded' else 'role' end as sdg_victim_group_basis,
        role_groups.report_victim_group
    from unioned
    inner join @WH@.raw.xwalk_role_to_victim_group as role_groups
        on unioned.role_code = role_groups.role_code
    left join person_names
        on
            unioned.country_code = person_names.country_code
            and unioned.victim_name = person_names.victim_name
            and unioned.victim_type = 'person'
    left join @WH@.intermediate.int_sdg_codings__resolved as coded_groups
        on
            coded_groups.field = 'victim_group'
            and unioned.country_code = coded_groups.country_code
            and unioned.period_year = coded_groups.period_year
            and unioned.appearance_id = coded_groups.unit_id
            and unioned.appearance_type = 'incident'
)

select
    coalesce(person_groups.victim_key, decided.source_victim_key) as victim_key,
    decided.*
from decided
left join person_groups
    on decided.source_victim_key = person_groups.source_victim_key;

-- (the last step that reads them)
drop table register_victims;
drop table person_names;

-- step: core.fct_incident_victims
-- fct_incident_victims: each incident victim with its incident's classification and its person
create table core.fct_incident_victims as
select
    key3(victims.country_code, victims.period_year, victims.appearance_id) as incident_victim_key,
    victims.appearance_id as incident_victim_id,
    incidents.incident_key,
    victims.event_id,
    victims.victim_key,
    case when victims.affected_outlet_name is not null then key2(victims.country_code, victims.affected_outlet_name) end
        as outlet_key,
    victims.country_code,
    victims.period_year,
    incidents.event_country_code,
    incidents.event_date,
    incidents.date_precision,
    incidents.is_dated,
    incidents.event_year,
    incidents.event_month,
    incidents.is_historical,
    incidents.category_code,
    incidents.sdg_violation_code,
    incidents.jfj_category_code,
    incidents.perpetrator_type_code,
    incidents.sdg_perpetrator_status,
    incidents.context_code,
    incidents.city_name,
    incidents.region_code,
    incidents.verification_status_code,
    incidents.is_verified,
    incidents.arbitrariness_category_code,
    incidents.is_arbitrary,
    victims.victim_type,
    victims.victim_name,
    victims.role_code,
    victims.report_victim_group,
    victims.sdg_victim_group,
    victims.sdg_victim_group_basis,
    victims.sex,
    victims.sex_basis,
    sexes.sdg_sex,
    victims.source_section,
    victims.source_locator,
    victims.source_id,
    victims.source_record_locator,
    greatest(victims.load_batch_id, incidents.load_batch_id) as load_batch_id
from appearances as victims
inner join core.fct_incidents as incidents
    on victims.event_id = incidents.event_id
inner join @WH@.raw.vocab_sexes as sexes
    on victims.sex = sexes.sex_code
where victims.appearance_type = 'incident';

-- step: core.fct_legal_actions
-- int_legal_actions__current_status and fct_legal_actions: each legal action with its current
-- stage, outcome and impunity status, its party as one appearance and its incident
create table core.fct_legal_actions as
with

stage_summary as (
    select
        legal_action_id,
        max_by(penalty_text, stage_sequence) filter (where penalty_text is not null) as latest_penalty_text,
        count(*) as stage_count,
        min(stage_date) as first_stage_date,
        max(stage_date) as last_stage_date,
        max(load_batch_id) as load_batch_id
    from register_stages
    group by legal_action_id
)

select
    key3(actions.country_code, actions.period_year, actions.legal_action_id) as legal_action_key,
    actions.legal_action_id,
    actions.country_code,
    actions.period_year,
    actions.procedure_type,
    actions.journalist_position,
    actions.legal_article_id,
    parties.victim_key,
    case when parties.affected_outlet_name is not null then key2(actions.country_code, parties.affected_outlet_name) end
        as outlet_key,
    incidents.incident_key as related_incident_key,
    actions.related_event_id,
    actions.victim_name,
    actions.victim_role_code,
    parties.report_victim_group,
    parties.sex as victim_sex,
    parties.sex_basis as victim_sex_basis,
    actions.claimant_type,
    actions.claimant_description,
    coalesce(stage_summary.stage_count, 0) as stage_count,
    stage_summary.first_stage_date,
    stage_summary.last_stage_date,
    coalesce(year(stage_summary.last_stage_date) >= actions.period_year, true) as is_active_in_period,
    (
        actions.procedure_type = 'criminal'
        and actions.journalist_position = 'defendant'
        and coalesce(year(stage_summary.last_stage_date) >= actions.period_year, true)
        and report_groups.is_person_group
    ) as is_itemized_criminal_charge,
    coalesce(current_stage.stage_code, 'not_reported') as current_stage_code,
    current_stage.stage_date as current_stage_date,
    coalesce(current_stage.outcome_group, 'open') as current_outcome_group,
    coalesce(current_stage.is_terminal, false) as is_concluded,
    case
        when current_stage.outcome_group = 'against_defendant'
            then coalesce(current_stage.penalty_text, stage_summary.latest_penalty_text)
        else current_stage.penalty_text
    end as current_penalty_text,
    case
        when actions.journalist_position = 'injured_party' then coalesce(current_stage.impunity_status, 'unresolved')
    end as impunity_status,
    actions.legal_action_summary,
    actions.inconsistency_note is not null as has_source_inconsistency,
    actions.inconsistency_note,
    actions.source_section,
    actions.source_locator,
    actions.source_id,
    actions.source_record_locator,
    greatest(actions.load_batch_id, coalesce(stage_summary.load_batch_id, 0)) as load_batch_id
from register_legal_actions as actions
inner join appearances as parties
    on
        parties.appearance_type = 'legal_action'
        and actions.country_code = parties.country_code
        and actions.period_year = parties.period_year
        and actions.legal_action_id = parties.appearance_id
inner join @WH@.raw.ref_report_victim_groups as report_groups
    on parties.report_victim_group = report_groups.report_victim_group
left join register_stages as current_stage
    on actions.legal_action_id = current_stage.legal_action_id and current_stage.is_current_stage
left join stage_summary
    on actions.legal_action_id = stage_summary.legal_action_id
left join core.fct_incidents as incidents
    on actions.related_event_id = incidents.event_id;

-- (the last step that reads it)
drop table register_legal_actions;

-- step: core.fct_legal_action_status_history
-- fct_legal_action_status_history: every stage of the legal actions of fct_legal_actions
create table core.fct_legal_action_status_history as
select
    key3(stages.country_code, stages.period_year, stages.stage_id) as legal_action_stage_key,
    stages.stage_id,
    actions.legal_action_key,
    stages.legal_action_id,
    stages.country_code,
    stages.period_year,
    stages.stage_sequence,
    stages.stage_code,
    stages.stage_order,
    stages.stage_date,
    stages.date_precision,
    stages.next_stage_date,
    stages.is_current_stage,
    stages.is_terminal,
    stages.outcome_group,
    stages.penalty_text,
    stages.alt_stage_date,
    stages.inconsistency_note is not null as has_source_inconsistency,
    stages.inconsistency_note,
    stages.source_section,
    stages.source_locator,
    actions.source_id,
    stages.source_locator as source_record_locator,
    actions.load_batch_id
from register_stages as stages
inner join core.fct_legal_actions as actions
    on stages.legal_action_id = actions.legal_action_id;

-- (the last step that reads it)
drop table register_stages;

-- step: core.dim_victims
-- dim_victims: one row per victim over all their appearances: main role, name, country and
-- outlet (most frequent, ties by the smaller value), one SDG victim group, sex from the
-- strongest evidence. Each aggregate is a table of its own: in one statement, at 10M
-- victims, they ran out of a 3 GB memory limit.
create table dim_victims_main_role as
select
    victim_key,
    role_code
from appearances
group by victim_key, role_code
qualify row_number() over (partition by victim_key order by count(*) desc, role_code asc nulls last) = 1;

create table dim_victims_main_outlet as
select
    victim_key,
    outlet_name
from appearances
where outlet_name is not null
group by victim_key, outlet_name
qualify row_number() over (partition by victim_key order by count(*) desc, outlet_name asc nulls last) = 1;

create table dim_victims_main_name as
select
    victim_key,
    victim_name
from appearances
group by victim_key, victim_name
qualify row_number() over (partition by victim_key order by count(*) desc, victim_name asc nulls last) = 1;

create table dim_victims_main_country as
select
    victim_key,
    country_code
from appearances
group by victim_key, country_code
qualify row_number() over (partition by victim_key order by count(*) desc, country_code asc nulls last) = 1;

create table dim_victims_roles_reported as
select
    victim_key,
    string_agg(distinct role_code, ';' order by role_code) as roles_reported
from appearances
group by victim_key;

create table dim_victims_person_group as
select
    appearances.victim_key,
    min_by(appearances.sdg_victim_group, victim_groups.group_precedence) as sdg_victim_group,
    min_by(
        appearances.sdg_victim_group_basis,
        victim_groups.group_precedence * 2 + case when appearances.sdg_victim_group_basis = 'coded' then 0 else 1 end
    ) as sdg_victim_group_basis
from appearances
inner join @WH@.raw.ref_sdg_victim_groups as victim_groups
    on appearances.sdg_victim_group = victim_groups.sdg_victim_group
group by appearances.victim_key;

create table dim_victims_best_evidence as
select
    appearances.victim_key,
    appearances.sex,
    appearances.sex_basis
from appearances
inner join @WH@.raw.vocab_sex_bases as sex_bases
    on appearances.sex_basis = sex_bases.sex_basis_code
where appearances.sex in ('female', 'male')
qualify sex_bases.basis_rank = min(sex_bases.basis_rank) over (partition by appearances.victim_key);

create table dim_victims_person_sex as
select
    victim_key,
    bool_or(sex = 'female') and bool_or(sex = 'male') as has_conflicting_sex,
    case when bool_and(sex = 'female') then 'female' when bool_and(sex = 'male') then 'male' else 'unknown' end
        as sex,
    case when bool_and(sex = 'female') or bool_and(sex = 'male') then any_value(sex_basis) else 'unknown' end
        as sex_basis
from dim_victims_best_evidence
group by victim_key;

create table dim_victims_victims as
select
    victim_key,
    min(victim_type) as victim_type,
    count(*) filter (where appearance_type = 'incident') as incident_count,
    count(*) filter (where appearance_type = 'legal_action') as legal_action_count,
    min(period_year) as first_period_year,
    max(period_year) as last_period_year,
    max(load_batch_id) as load_batch_id
from appearances
group by victim_key;

create table core.dim_victims as
select
    victims.victim_key,
    main_country.country_code,
    victims.victim_type,
    main_name.victim_name,
    main_role.role_code as main_role_code,
    roles_reported.roles_reported,
    role_groups.report_victim_group,
    person_group.sdg_victim_group,
    person_group.sdg_victim_group_basis,
    case when victims.victim_type != 'person' then 'not_applicable' else coalesce(person_sex.sex, 'unknown') end as sex,
    case when victims.victim_type != 'person' then 'not_applicable' else coalesce(person_sex.sex_basis, 'unknown') end
        as sex_basis,
    coalesce(person_sex.has_conflicting_sex, false) as has_conflicting_sex,
    main_outlet.outlet_name,
    victims.incident_count,
    victims.legal_action_count,
    victims.first_period_year,
    victims.last_period_year,
    victims.load_batch_id
from dim_victims_victims as victims
inner join dim_victims_main_name as main_name on victims.victim_key = main_name.victim_key
inner join dim_victims_main_country as main_country on victims.victim_key = main_country.victim_key
inner join dim_victims_main_role as main_role on victims.victim_key = main_role.victim_key
inner join dim_victims_roles_reported as roles_reported on victims.victim_key = roles_reported.victim_key
inner join @WH@.raw.xwalk_role_to_victim_group as role_groups on main_role.role_code = role_groups.role_code
inner join dim_victims_person_group as person_group on victims.victim_key = person_group.victim_key
left join dim_victims_main_outlet as main_outlet on victims.victim_key = main_outlet.victim_key
left join dim_victims_person_sex as person_sex on victims.victim_key = person_sex.victim_key;

-- (the last step that reads them)
drop table appearances;
drop table dim_victims_main_role;
drop table dim_victims_main_outlet;
drop table dim_victims_main_name;
drop table dim_victims_main_country;
drop table dim_victims_roles_reported;
drop table dim_victims_person_group;
drop table dim_victims_best_evidence;
drop table dim_victims_person_sex;
drop table dim_victims_victims;

-- step: marts.sdg_16_10_1_victims
-- fct_person_links and sdg_16_10_1_victims: every verified person appearance of an SDG 16.10.1
-- type, dated, outranked by a linked record's graver violation, with the cell the person counts in
create table linked_appearances as
with

person_links as (
    select
        person_links.incident_victim_id_a,
        person_links.incident_victim_id_b
    from person_links
    semi join core.fct_incident_victims as victims_a
        on person_links.incident_victim_id_a = victims_a.incident_victim_id
    semi join core.fct_incident_victims as victims_b
        on person_links.incident_victim_id_b = victims_b.incident_victim_id
)

select
    incident_victim_id_a as incident_victim_id,
    incident_victim_id_b as linked_incident_victim_id
from person_links
union all
select
    incident_victim_id_b,
    incident_victim_id_a
from person_links;

create table marts.sdg_16_10_1_victims as
with

person_batches as (
    select
        inputs.victim_key,
        max(inputs.load_batch_id) as load_batch_id
    from (
        select
            victim_key,
            load_batch_id
        from core.fct_incident_victims
        union all
        select
            victim_key,
            load_batch_id
        from core.dim_victims
        union all
        select
            appearances.victim_key,
            linked.load_batch_id
        from linked_appearances as pairs
        inner join core.fct_incident_victims as appearances on pairs.incident_victim_id = appearances.incident_victim_id
        inner join core.fct_incident_victims as linked on pairs.linked_incident_victim_id = linked.incident_victim_id
        union all
        select
            appearances.victim_key,
            linked_persons.load_batch_id
        from linked_appearances as pairs
        inner join core.fct_incident_victims as appearances on pairs.incident_victim_id = appearances.incident_victim_id
        inner join core.fct_incident_victims as linked on pairs.linked_incident_victim_id = linked.incident_victim_id
        inner join core.dim_victims as linked_persons on linked.victim_key = linked_persons.victim_key
    ) as inputs
    group by inputs.victim_key
),

dated as (
    select
        appearances.country_code,
        appearances.period_year,
        appearances.sdg_violation_code,
        case
            when not appearances.is_dated then 'undated'
            when appearances.event_year = appearances.period_year and appearances.event_country_code = appearances.country_code
                then 'in_period'
            else 'outside_period'
        end as dating,
        appearances.victim_key,
        appearances.event_id,
        appearances.incident_victim_id,
        persons.sdg_victim_group,
        persons.sex,
        appearances.sdg_perpetrator_status,
        perpetrator_statuses.status_precedence,
        appearances.verification_status_code,
        violation_types.severity_rank,
        violation_types.is_sdg_16_10_1_violation
    from core.fct_incident_victims as appearances
    inner join @WH@.raw.ref_sdg_violation_types as violation_types
        on appearances.sdg_violation_code = violation_types.sdg_violation_code
    inner join core.dim_victims as persons
        on appearances.victim_key = persons.victim_key
    inner join @WH@.raw.ref_sdg_victim_groups as victim_groups
        on persons.sdg_victim_group = victim_groups.sdg_victim_group
    inner join @WH@.raw.ref_sdg_perpetrator_statuses as perpetrator_statuses
        on appearances.sdg_perpetrator_status = perpetrator_statuses.sdg_perpetrator_status
    where
        appearances.is_verified
        and appearances.victim_type = 'person'
        and victim_groups.is_in_scope
        and violation_types.sdg_violation_code != 'out_of_scope'
),

outranked as (
    select
        this_appearance.incident_victim_id,
        min_by(linked.incident_victim_id, linked.severity_rank) as outranked_by_incident_victim_id
    from linked_appearances as pairs
    inner join dated as this_appearance on pairs.incident_victim_id = this_appearance.incident_victim_id
    inner join dated as linked on pairs.linked_incident_victim_id = linked.incident_victim_id
    where
        this_appearance.is_sdg_16_10_1_violation
        and linked.is_sdg_16_10_1_violation
        and linked.severity_rank < this_appearance.severity_rank
    group by this_appearance.incident_victim_id
),

counted as (
    select
        dated.* exclude (sdg_violation_code, severity_rank, is_sdg_16_10_1_violation),
        case
            when outranked.incident_victim_id is null then dated.sdg_violation_code
            when dated.sdg_violation_code = 'D' then 'deprivation_outranked'
            else 'outranked'
        end as sdg_violation_code,
        outranked.outranked_by_incident_victim_id
    from dated
    left join outranked on dated.incident_victim_id = outranked.incident_victim_id
)

select
    counted.country_code,
    counted.period_year,
    counted.sdg_violation_code,
    violation_types.is_sdg_16_10_1_violation,
    counted.dating,
    counted.victim_key,
    counted.outranked_by_incident_victim_id,
    counted.event_id,
    counted.incident_victim_id,
    counted.verification_status_code,
    counted.sdg_victim_group,
    min_by(counted.sdg_perpetrator_status, counted.status_precedence) over (
        partition by counted.country_code, counted.period_year, counted.sdg_violation_code, counted.dating, counted.victim_key
    ) as sdg_perpetrator_status,
    sexes.sdg_sex,
    row_number() over (
        partition by counted.country_code, counted.period_year, counted.sdg_violation_code, counted.dating, counted.victim_key
        order by counted.incident_victim_id
    ) = 1 as counts_the_person,
    person_batches.load_batch_id
from counted
inner join @WH@.raw.ref_sdg_violation_types as violation_types
    on counted.sdg_violation_code = violation_types.sdg_violation_code
inner join @WH@.raw.vocab_sexes as sexes
    on counted.sex = sexes.sex_code
inner join person_batches
    on counted.victim_key = person_batches.victim_key;

-- step: marts.sdg_16_10_1
-- sdg_16_10_1_periods and sdg_16_10_1: every country-period an assessment covers or a source
-- records an incident in, crossed with the types, groups, sexes and perpetrator statuses, with
-- the persons, incidents and appearances counted
create table marts.sdg_16_10_1 as
with

periods as (
    select
        country_code,
        period_year
    from @WH@.staging.stg_assessment__assessment_sources
    union
    select
        country_code,
        period_year
    from core.fct_incidents
),

in_part as (
    select
        period_sources.country_code,
        period_sources.period_year,
        string_agg(in_part.source_id, '; ' order by in_part.source_id) as sources_covering_in_part
    from (select distinct
        country_code,
        period_year,
        source_id
    from core.fct_incidents) as period_sources
    inner join @WH@.intermediate.int_sources__years_covered_in_part as in_part
        on period_sources.source_id = in_part.source_id and period_sources.period_year = in_part.period_year
    group by period_sources.country_code, period_sources.period_year
),

counted as (
    select
        country_code,
        period_year,
        sdg_violation_code,
        sdg_victim_group,
        sdg_sex,
        sdg_perpetrator_status,
        count(distinct victim_key) filter (where dating = 'in_period') as verified_victims,
        count(distinct event_id) filter (where dating = 'in_period') as verified_incidents,
        count(*) filter (where dating = 'in_period') as verified_victim_appearances,
        count(distinct victim_key) filter (where dating = 'undated') as undated_verified_victims
    from marts.sdg_16_10_1_victims
    group by all
)

select
    periods.country_code,
    countries.country_name,
    periods.period_year,
    violation_types.sdg_violation_code,
    violation_types.sdg_violation_name,
    violation_types.is_sdg_16_10_1_violation,
    victim_groups.sdg_victim_group,
    victim_groups.sdg_victim_group_name,
    sexes.sdg_sex,
    sexes.sex_name as sdg_sex_name,
    perpetrator_statuses.sdg_perpetrator_status,
    perpetrator_statuses.sdg_perpetrator_status_name,
    coalesce(counted.verified_victims, 0) as verified_victims,
    coalesce(counted.verified_incidents, 0) as verified_incidents,
    coalesce(counted.verified_victim_appearances, 0) as verified_victim_appearances,
    coalesce(counted.undated_verified_victims, 0) as undated_verified_victims,
    in_part.sources_covering_in_part is not null as is_covered_in_part,
    in_part.sources_covering_in_part
from periods
left join @WH@.core.dim_countries as countries
    on periods.country_code = countries.country_code
left join in_part
    on periods.country_code = in_part.country_code and periods.period_year = in_part.period_year
cross join @WH@.raw.ref_sdg_violation_types as violation_types
cross join @WH@.raw.ref_sdg_victim_groups as victim_groups
cross join @WH@.raw.vocab_sexes as sexes
cross join @WH@.raw.ref_sdg_perpetrator_statuses as perpetrator_statuses
left join counted
    on
        periods.country_code = counted.country_code
        and periods.period_year = counted.period_year
        and violation_types.sdg_violation_code = counted.sdg_violation_code
        and victim_groups.sdg_victim_group = counted.sdg_victim_group
        and sexes.sdg_sex = counted.sdg_sex
        and perpetrator_statuses.sdg_perpetrator_status = counted.sdg_perpetrator_status
where
    violation_types.sdg_violation_code != 'out_of_scope'
    and victim_groups.is_in_scope
    and sexes.sdg_sex != 'not_applicable'
    and sexes.sex_code = sexes.sdg_sex
order by periods.country_code, periods.period_year;

-- step: marts.incident_register
-- incident_register_victims, fct_linked_records (the event group of each incident),
-- incident_register_incidents and incident_register: one row per incident victim with the
-- labels beside its codes, its event group, its legal status, its SDG 16.10.1 flags and the
-- confidentiality levels
-- the confidentiality, event groups and legal status of every row first, each a table of its own:
-- in one statement (each a CTE, the confidentiality read twice) 10M victims ran out of 3 GB
create table register_confidentiality as
select
    applicable.incident_victim_id,
    applicable.subject,
    max_by(applicable.confidentiality_level, levels.level_rank) as confidentiality_level,
    string_agg(applicable.basis, '; ' order by applicable.basis) as confidentiality_basis
from (
    select
        victims.incident_victim_id,
        rules.subject,
        rules.confidentiality_level,
        'rule ' || rules.rule_id || ': ' || rules.match_field || ' = ' || rules.match_value as basis
    from core.fct_incident_victims as victims
    inner join @WH@.raw.ref_confidentiality_rules as rules
        on
            (rules.match_field = 'role_code' and rules.match_value = victims.role_code)
            or (rules.match_field = 'victim_type' and rules.match_value = victims.victim_type)
            or (rules.match_field = 'perpetrator_type_code' and rules.match_value = victims.perpetrator_type_code)

    union all

    select
        victims.incident_victim_id,
        decisions.subject,
        decisions.confidentiality_level,
        'decision: ' || decisions.reason as basis
    from @WH@.raw.ref_confidentiality_decisions as decisions
    inner join core.fct_incident_victims as decided
        on decisions.incident_victim_id = decided.incident_victim_id
    inner join core.fct_incident_victims as victims
        on decided.victim_key = victims.victim_key
    where decisions.subject = 'victim'

    union all

    select
        decided.incident_victim_id,
        decisions.subject,
        decisions.confidentiality_level,
        'decision: ' || decisions.reason as basis
    from @WH@.raw.ref_confidentiality_decisions as decisions
    inner join core.fct_incident_victims as decided
        on decisions.incident_victim_id = decided.incident_victim_id
    where decisions.subject = 'perpetrator'
) as applicable
inner join @WH@.raw.vocab_confidentiality_levels as levels
    on applicable.confidentiality_level = levels.confidentiality_level
group by applicable.incident_victim_id, applicable.subject;

create table register_event_groups as
select
    incidents.incident_key,
    key1(coalesce(event_groups.anchor_event_id, incidents.event_id)) as event_group_id,
    count(*) over event_group as event_group_source_count,
    max(incidents.load_batch_id) over event_group as load_batch_id
from core.fct_incidents as incidents
left join event_groups
    on incidents.event_id = event_groups.event_id
window event_group as (partition by coalesce(event_groups.anchor_event_id, incidents.event_id));

create table register_legal_status as
select
    related_incident_key as incident_key,
    count(*) as legal_action_count,
    max_by(
        current_stage_code,
        case current_outcome_group when 'against_defendant' then '3' when 'open' then '2' else '1' end
        || '|' || coalesce(cast(current_stage_date as varchar), '') || '|' || legal_action_id
    ) as legal_status_code,
    max(load_batch_id) as load_batch_id
from core.fct_legal_actions
where related_incident_key is not null
group by related_incident_key;

create table marts.incident_register as
with

terms as (
    select
        vocabulary,
        term_code,
        term_label
    from @WH@.marts.vocabulary_terms
)

select
    victims.incident_victim_key,
    victims.incident_victim_id,
    incidents.incident_key,
    incidents.event_id,
    incidents.source_id,
    sources.publisher as source_publisher,
    incidents.source_record_locator,
    incidents.source_section,
    event_groups.event_group_id,
    event_groups.event_group_source_count,
    incidents.country_code,
    incidents.period_year,
    incidents.event_country_code,
    countries.country_name as event_country_name,
    incidents.event_date,
    incidents.date_precision,
    case
        when incidents.date_precision = 'day' then strftime(incidents.event_date, '%Y-%m-%d')
        when incidents.date_precision = 'month' then strftime(incidents.event_date, '%Y-%m') || ' (day unknown)'
        when incidents.date_precision = 'year' then strftime(incidents.event_date, '%Y') || ' (month unknown)'
        else 'date unknown'
    end as event_date_label,
    incidents.event_year,
    incidents.event_month,
    incidents.is_historical,
    incidents.city_name,
    incidents.region_code,
    coalesce(regions.region_name, 'region unknown') as region_name,
    incidents.category_code,
    categories.category_name,
    incidents.category_as_reported,
    incidents.motive_as_reported,
    incidents.sdg_violation_code,
    violation_types.sdg_violation_name,
    coalesce(sdg_victims.is_sdg_16_10_1_violation, false) as counts_in_sdg_16_10_1,
    sdg_victims.incident_victim_id is not null as is_in_sdg_16_10_1_table,
    incidents.jfj_category_code,
    categories.jfj_category_name,
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
    victim_groups.sdg_victim_group_name,
    victims.sex,
    sex_terms.term_label as sex_label,
    victims.sex_basis,
    incidents.perpetrator_type_code,
    perpetrator_terms.term_label as perpetrator_type_name,
    incidents.sdg_perpetrator_status,
    perpetrator_statuses.sdg_perpetrator_status_name,
    incidents.perpetrator_description,
    incidents.verification_status_code,
    verification_terms.term_label as verification_status_name,
    incidents.is_verified,
    incidents.arbitrariness_category_code,
    arbitrariness_terms.term_label as arbitrariness_category_name,
    coalesce(legal_status.legal_action_count, 0) as legal_action_count,
    coalesce(legal_status.legal_status_code, 'no_case_reported') as legal_status_code,
    coalesce(legal_terms.term_label, 'No case reported') as legal_status_name,
    incidents.event_summary,
    coalesce(victim_level.confidentiality_level, 'public') as victim_confidentiality,
    victim_level.confidentiality_basis as victim_confidentiality_basis,
    coalesce(perpetrator_level.confidentiality_level, 'public') as perpetrator_confidentiality,
    perpetrator_level.confidentiality_basis as perpetrator_confidentiality_basis,
    greatest(
        victims.load_batch_id,
        coalesce(persons.load_batch_id, victims.load_batch_id),
        incidents.load_batch_id,
        coalesce(event_groups.load_batch_id, incidents.load_batch_id),
        coalesce(legal_status.load_batch_id, incidents.load_batch_id),
        coalesce(sdg_victims.load_batch_id, victims.load_batch_id)
    ) as load_batch_id
from core.fct_incident_victims as victims
inner join core.fct_incidents as incidents
    on victims.incident_key = incidents.incident_key
inner join @WH@.core.dim_incident_categories as categories
    on incidents.category_code = categories.category_code
inner join @WH@.raw.ref_sdg_violation_types as violation_types
    on incidents.sdg_violation_code = violation_types.sdg_violation_code
left join core.dim_victims as persons
    on victims.victim_key = persons.victim_key
left join register_confidentiality as victim_level
    on victims.incident_victim_id = victim_level.incident_victim_id and victim_level.subject = 'victim'
left join register_confidentiality as perpetrator_level
    on victims.incident_victim_id = perpetrator_level.incident_victim_id and perpetrator_level.subject = 'perpetrator'
left join register_event_groups as event_groups
    on incidents.incident_key = event_groups.incident_key
left join register_legal_status as legal_status
    on incidents.incident_key = legal_status.incident_key
left join @WH@.core.dim_regions as regions
    on incidents.region_code = regions.region_code
left join @WH@.core.dim_countries as countries
    on incidents.event_country_code = countries.country_code
left join @WH@.core.dim_sources as sources
    on incidents.source_id = sources.source_id
left join marts.sdg_16_10_1_victims as sdg_victims
    on
        victims.country_code = sdg_victims.country_code
        and victims.period_year = sdg_victims.period_year
        and victims.incident_victim_id = sdg_victims.incident_victim_id
left join @WH@.raw.ref_sdg_victim_groups as victim_groups
    on victims.sdg_victim_group = victim_groups.sdg_victim_group
left join @WH@.raw.ref_sdg_perpetrator_statuses as perpetrator_statuses
    on incidents.sdg_perpetrator_status = perpetrator_statuses.sdg_perpetrator_status
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
    on verification_terms.vocabulary = 'verification_status' and incidents.verification_status_code = verification_terms.term_code
left join terms as arbitrariness_terms
    on
        arbitrariness_terms.vocabulary = 'arbitrariness_category'
        and incidents.arbitrariness_category_code = arbitrariness_terms.term_code
left join terms as legal_terms
    on
        legal_terms.vocabulary = 'legal_stage'
        and coalesce(legal_status.legal_status_code, 'no_case_reported') = legal_terms.term_code;

drop table register_confidentiality;
drop table register_event_groups;
drop table register_legal_status;
