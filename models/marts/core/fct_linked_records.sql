-- Linked records: one row per (event group, source record). The records of every source that
-- describe the same event form an event group (int_event_groups joins the links of
-- int_record_links' same-event links; an unlinked record is a group of its own), with each record's
-- date, category, SDG type and verification, the group of a record with several person victims that
-- this record is one victim of (part_of_anchor_event_id), and flags where the records of one group
-- disagree. Counts across sources count event groups (event_group_id), never records.
with

incidents as (

    select * from {{ ref('fct_incidents') }}

),

group_of_record as (

    select * from {{ ref('int_event_groups') }}

),

records as (

    select
        coalesce(group_of_record.anchor_event_id, incidents.event_id) as anchor_event_id,
        group_of_record.part_of_anchor_event_id,
        incidents.*

    from incidents
    left join group_of_record
        on incidents.event_id = group_of_record.event_id

),

-- the records this run (re)builds: all, or in an append every record of a group with a record of a
-- new batch (a new record changes what each record of its group shows; on Spark the partitions
-- those records fall in)
records_to_build as (

    select records.*
    from records
    {%- if is_incremental() %}
        where {{ rows_of_newer_batches('records', [{'column': 'anchor_event_id', 'from': 'records'}], own_batch=false) }}
    {%- endif %}

),

{%- if is_incremental() %}

-- every record of their groups, which the group's figures read
group_records as (

    select records.*
    from records
    where records.anchor_event_id in (select records_to_build.anchor_event_id from records_to_build)

),
{%- endif %}

grouped as (

    select
        {{ surrogate_key(['records.anchor_event_id']) }} as event_group_id,
        records.anchor_event_id,
        records.part_of_anchor_event_id,
        records.incident_key,
        records.event_id,
        records.country_code,
        records.period_year,
        records.source_id,
        records.source_record_locator,
        records.event_country_code,
        records.event_date,
        records.date_precision,
        records.event_year,
        records.category_code,
        records.sdg_violation_code,
        records.verification_status_code,
        records.is_verified,
        records.impunity_outcome_code,
        count(*) over event_group as source_record_count,
        min(records.event_date) over event_group != max(records.event_date) over event_group as has_date_disagreement,
        min(records.category_code) over event_group != max(records.category_code) over event_group as has_category_disagreement,
        bool_or(records.is_verified) over event_group != bool_and(records.is_verified) over event_group
            as has_verification_disagreement,
        -- what a record's group shows changes only with a record of a newer batch in the group
        max(records.load_batch_id) over event_group as load_batch_id

    from {{ 'group_records' if is_incremental() else 'records_to_build' }} as records
    window event_group as (partition by records.anchor_event_id)

),

final as (

    select grouped.*
    from grouped
    {%- if is_incremental() %}
        where grouped.incident_key in (select records_to_build.incident_key from records_to_build)
    {%- endif %}

)

select * from final
