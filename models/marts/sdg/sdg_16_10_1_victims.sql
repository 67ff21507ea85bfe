-- SDG 16.10.1, the one home of its counting rules: one row per verified person appearance of an
-- SDG 16.10.1 violation type (and of the deprivations of liberty reported beside type D), with the
-- cell each PERSON is counted in. A person is counted once per country, period, violation type
-- and dating: under their one victim group and person-level sex (both decided once, in
-- dim_victims: a journalist who is also a defender counts as a journalist, in every type) and one
-- perpetrator status (the lowest status_precedence of their appearances of the type). The incident's type is
-- already its most serious violation (fct_incidents). Dating: in_period (dated in the period year
-- and in the assessed country: what the period counts), undated (kept apart, never placed in
-- a period) or outside_period (an earlier incident the source cites, or one abroad: an SDG violation,
-- counted in no period of this country). Every other surface reads these rows: sdg_16_10_1 and
-- sdg_16_10_1_by_type count them, incident_register flags them.
-- An append recounts the persons whose rows it may change (macros/append_changes.sql), whose rows
-- the pre-hook deletes first: each row carries the newest load batch among what the person's count
-- reads (their appearances, the person, the appearances linked to theirs and those persons).
{{ config(pre_hook="{{ delete_rows_to_rebuild(in_keys_to_rebuild('victim_key', sdg_persons_to_recount())) }}") }}
with

-- (fct_incident_victims and dim_victims are read where they are used rather than as CTEs: a CTE
-- read twice is materialized, every column of every appearance, which an append cannot afford)

-- the columns of an appearance the count reads: an append reads its appearances twice, so DuckDB
-- materializes them, and every column of fct_incident_victims took a third of the model's time at
-- 10M victims
{%- set counted_columns = [
    'incident_victim_id', 'event_id', 'victim_key', 'country_code', 'period_year', 'event_year', 'event_country_code',
    'is_dated', 'sdg_violation_code', 'sdg_perpetrator_status', 'victim_type', 'is_verified', 'verification_status_code',
    'load_batch_id',
] %}

-- the appearances this run counts: all, or in an append those of the persons it recounts (on
-- Spark every appearance of the partitions they fall in)
victims as (

    select {{ 'all_victims.' ~ counted_columns | join(', all_victims.') }}
    from {{ ref('fct_incident_victims') }} as all_victims
    {%- if rebuilds_appended_partitions_only() %}
    where {{ rows_to_rebuild(
        'all_victims',
        in_keys_to_rebuild('all_victims.victim_key', sdg_persons_to_recount()),
        from_sql=ref('fct_incident_victims'),
    ) }}
    {%- endif %}

),

sexes as (

    select * from {{ ref('vocab_sexes') }}

),

sdg_violation_types as (

    select * from {{ ref('ref_sdg_violation_types') }}

),

victim_groups as (

    select * from {{ ref('ref_sdg_victim_groups') }}

),

perpetrator_statuses as (

    select * from {{ ref('ref_sdg_perpetrator_statuses') }}

),

-- pairs of person victims of linked records of several sources that are one person
person_links as (

    select * from {{ ref('fct_person_links') }}

),

-- each link of a person's appearances, both ways
linked_appearances as (

    select
        person_links.incident_victim_id_a as incident_victim_id,
        person_links.incident_victim_id_b as linked_incident_victim_id
    from person_links

    union all

    select
        person_links.incident_victim_id_b as incident_victim_id,
        person_links.incident_victim_id_a as linked_incident_victim_id
    from person_links

),

-- the appearances the count reads: those counted, and in an append also every other appearance
-- of their persons and the appearances linked to them (outranking reads these)
read_appearances as (

    select victims.*
    from victims
    {%- if rebuilds_appended_partitions_only() %}
    {%- if rebuilds_whole_partitions() %}

    union

    -- (on Spark the partitions counted hold persons whose other appearances lie in others; on
    -- DuckDB `victims` holds every appearance of each person it counts)
    select {{ 'all_victims.' ~ counted_columns | join(', all_victims.') }}
    from {{ ref('fct_incident_victims') }} as all_victims
    where all_victims.victim_key in (select victims.victim_key from victims)
    {%- endif %}

    union

    select {{ 'linked.' ~ counted_columns | join(', linked.') }}
    from {{ ref('fct_incident_victims') }} as linked
    where linked.incident_victim_id in (
        select linked_appearances.linked_incident_victim_id
        from linked_appearances
        inner join {{ ref('fct_incident_victims') }} as of_person
            on linked_appearances.incident_victim_id = of_person.incident_victim_id
        where of_person.victim_key in (select victims.victim_key from victims)
    )
    {%- endif %}

),

-- the newest batch among what a person's count reads (macros/append_changes.sql): of every
-- appearance in a full build, which reads the table rather than the CTE of all its columns
person_batches as (

    select
        inputs.victim_key,
        max(inputs.load_batch_id) as load_batch_id
    from (
        {{ sdg_count_input_batches('read_appearances' if rebuilds_appended_partitions_only() else ref('fct_incident_victims')) }}
    ) as inputs
    group by inputs.victim_key

),

dated as (

    select
        read_appearances.country_code,
        read_appearances.period_year,
        read_appearances.sdg_violation_code,
        case
            when not read_appearances.is_dated then 'undated'
            when read_appearances.event_year = read_appearances.period_year and read_appearances.event_country_code = read_appearances.country_code
                then 'in_period'
            else 'outside_period'
        end as dating,
        read_appearances.victim_key,
        read_appearances.event_id,
        read_appearances.incident_victim_id,
        dim_victims.sdg_victim_group,
        dim_victims.sex,
        read_appearances.sdg_perpetrator_status,
        perpetrator_statuses.status_precedence,
        read_appearances.verification_status_code,
        sdg_violation_types.severity_rank,
        sdg_violation_types.is_sdg_16_10_1_violation

    from read_appearances
    inner join sdg_violation_types
        on read_appearances.sdg_violation_code = sdg_violation_types.sdg_violation_code
    inner join {{ ref('dim_victims') }} as dim_victims
        on read_appearances.victim_key = dim_victims.victim_key
    inner join victim_groups
        on dim_victims.sdg_victim_group = victim_groups.sdg_victim_group
    inner join perpetrator_statuses
        on read_appearances.sdg_perpetrator_status = perpetrator_statuses.sdg_perpetrator_status
    where
        read_appearances.is_verified
        and read_appearances.victim_type = 'person'
        and victim_groups.is_in_scope
        and sdg_violation_types.sdg_violation_code != 'out_of_scope'

),

-- an appearance that a linked record of the same person outranks: the linked record is counted
-- too (verified, in scope) and its violation is more serious (severity_rank)
outranked as (

    select
        this_appearance.incident_victim_id,
        min_by(linked.incident_victim_id, linked.severity_rank) as outranked_by_incident_victim_id

    from linked_appearances
    inner join dated as this_appearance
        on linked_appearances.incident_victim_id = this_appearance.incident_victim_id
    inner join dated as linked
        on linked_appearances.linked_incident_victim_id = linked.incident_victim_id
    where
        this_appearance.is_sdg_16_10_1_violation
        and linked.is_sdg_16_10_1_violation
        and linked.severity_rank < this_appearance.severity_rank
    group by this_appearance.incident_victim_id

),

-- an outranked deprivation of liberty is reported beside type D; any other outranked act is
-- kept apart (outranked), so the person counts once, under the most serious violation
counted as (

    select
        {{ star_except('dated', ['sdg_violation_code', 'severity_rank', 'is_sdg_16_10_1_violation']) }},
        case
            when outranked.incident_victim_id is null then dated.sdg_violation_code
            when dated.sdg_violation_code = 'D' then 'deprivation_outranked'
            else 'outranked'
        end as sdg_violation_code,
        outranked.outranked_by_incident_victim_id

    from dated
    left join outranked
        on dated.incident_victim_id = outranked.incident_victim_id

),

final as (

    select
        counted.country_code,
        counted.period_year,
        counted.sdg_violation_code,
        sdg_violation_types.is_sdg_16_10_1_violation,
        counted.dating,
        counted.victim_key,
        counted.event_id,
        counted.incident_victim_id,
        counted.verification_status_code,
        counted.sdg_victim_group,
        min_by(counted.sdg_perpetrator_status, counted.status_precedence) over person_and_type as sdg_perpetrator_status,
        sexes.sdg_sex,
        counted.outranked_by_incident_victim_id,
        -- the row each person is counted on, once per country, period, type and dating (their
        -- cell is the same on all their rows of it): counting these rows counts each person once
        row_number() over person_and_type_in_order = 1 as counts_the_person,
        person_batches.load_batch_id

    from counted
    inner join sdg_violation_types
        on counted.sdg_violation_code = sdg_violation_types.sdg_violation_code
    inner join sexes
        on counted.sex = sexes.sex_code
    inner join person_batches
        on counted.victim_key = person_batches.victim_key
    window
        person_and_type as (
            partition by counted.country_code, counted.period_year, counted.sdg_violation_code, counted.dating, counted.victim_key
        ),
        person_and_type_in_order as (
            partition by counted.country_code, counted.period_year, counted.sdg_violation_code, counted.dating, counted.victim_key
            order by counted.incident_victim_id
        )

)

select * from final
{%- if rebuilds_appended_partitions_only() %}
where final.incident_victim_id in (select victims.incident_victim_id from victims)
{%- endif %}
