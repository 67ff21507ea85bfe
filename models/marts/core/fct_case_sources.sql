-- One row per (case, source record): the records of every source grouped into cases
-- (int_case_components joins the links of int_case_links into cases; an unlinked record is a case
-- of its own), with each record's date, category, SDG type and verification, and flags where the
-- sources of one case disagree. Counts across sources count cases (case_id), never records.
with

incidents as (

    select * from {{ ref('fct_incidents') }}

),

case_of_record as (

    select * from {{ ref('int_case_components') }}

),

records as (

    select
        coalesce(case_of_record.case_event_id, incidents.event_id) as case_event_id,
        incidents.*

    from incidents
    left join case_of_record
        on incidents.event_id = case_of_record.event_id

),

final as (

    select
        {{ surrogate_key(['records.case_event_id']) }} as case_id,
        records.case_event_id,
        records.incident_key,
        records.event_id,
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
        count(*) over case_records as source_record_count,
        min(records.event_date) over case_records != max(records.event_date) over case_records as has_date_disagreement,
        min(records.category_code) over case_records != max(records.category_code) over case_records as has_category_disagreement,
        bool_or(records.is_verified) over case_records != bool_and(records.is_verified) over case_records
            as has_verification_disagreement

    from records
    window case_records as (partition by records.case_event_id)

)

select * from final
