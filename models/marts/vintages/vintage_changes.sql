-- What a monitor changed between two consecutive vintages of its list, record by record: a record
-- added (in the newer vintage, matched by no older record), removed (an older record the newer
-- vintage supersedes without holding it), and, for a record in both, one row per field whose value
-- changed (in the register's words, with the vocabulary's label). The pairs of vintages come from
-- the sources catalogue (supersedes_source_id, a ';'-separated list: vintage_pairs) and the match
-- from each monitor's checked records (macros/vintages.sql): this model decides nothing, it lists.
-- Scope: a vintage that holds only part of the list (its source table's meta.scope: CPJ's 2018
-- API export, confirmed killings of journalists) does not make a newer record outside that scope
-- "added" (vintage_out_of_scope, applied here and nowhere else); a vintage with a scope supersedes
-- none, so none of its records makes an older one "removed". A record quarantined in either
-- vintage has no register fields to compare; its field changes are not listed. Fields are
-- compared in the register's codes, not as each layout words them ("Motive Confirmed" in 2017 is
-- "Confirmed" in 2020: verification), and only a field both vintages' layouts give: a field no
-- record of a vintage fills (the 2017 layout has no place column) is not a change of the monitor's.
-- A date made more precise within the older date's year or month is a refinement, not a change.
-- A table, not a view: it compares every record of every vintage field by field, and a BI tool or
-- an older DuckDB client should read the result, not plan the comparison again (a DuckDB 1.0
-- client spilled the view's plan to disk until it ran out).
{{ config(materialized='table') }}
{%- set fields = [
    ('name', 'victim_name_as_reported', none),
    ('country', 'event_country_code', 'country'),
    ('date', "cast(records.event_date as " ~ dbt.type_string() ~ ") || ' (' || records.date_precision || ')'", none),
    ('category', 'category_code', 'incident_category'),
    ('verification', 'verification_status_code', 'verification_status'),
    ('impunity', 'impunity_outcome_code', 'impunity_outcome'),
    ('sex', 'sex', 'sex'),
    ('perpetrator', 'perpetrator_type_code', 'perpetrator_type'),
    ('role', 'role_code', 'victim_role'),
    ('outlet', 'outlet_name', none),
    ('city', 'city_name', none),
] %}
with

records as (

    select * from {{ monitor_records() }} as records

),

sources as (

    select * from {{ ref('int_sources') }}

),

-- labels beside codes come from the one list of terms (a mart, read for that reason)
terms as (

    select * from {{ ref('vocabulary_terms') }}

),

countries as (

    select * from {{ ref('ref_countries') }}

),

vintage_pairs as (

    select
        newer.monitor_id,
        older.source_id as older_source_id,
        older.vintage_year as older_vintage_year,
        older.first_year as older_first_year,
        older.last_year as older_last_year,
        older.first_year_in_full as older_first_year_in_full,
        older.last_year_in_full as older_last_year_in_full,
        newer.source_id as newer_source_id,
        newer.vintage_year as newer_vintage_year

    from {{ vintage_pairs('sources') }} as pairs
    inner join sources as newer
        on pairs.newer_source_id = newer.source_id
    inner join sources as older
        on pairs.older_source_id = older.source_id

),

-- each record's fields to compare, one row per field, with the record's identity
record_fields as (
    {%- for name, expression, vocabulary in fields %}

        select
            records.source_id,
            records.source_row_number,
            records.event_id,
            '{{ name }}' as field_name,
            '{{ vocabulary or '' }}' as vocabulary,
            {{ expression if '(' in expression else 'records.' ~ expression }} as field_value

        from records
        {%- if not loop.last %}
            union all
        {%- endif %}
    {%- endfor %}

),

labelled_fields as (

    select
        record_fields.source_id,
        record_fields.source_row_number,
        record_fields.event_id,
        record_fields.field_name,
        record_fields.field_value,
        coalesce(terms.term_label, countries.country_name, record_fields.field_value) as field_label

    from record_fields
    left join terms
        on
            record_fields.vocabulary = terms.vocabulary
            and record_fields.field_value = terms.term_code
    left join countries
        on
            record_fields.vocabulary = 'country'
            and record_fields.field_value = countries.country_code

),

-- the fields each vintage's layout gives: those at least one of its records fills
filled_fields as (

    select
        record_fields.source_id,
        record_fields.field_name

    from record_fields
    group by record_fields.source_id, record_fields.field_name
    having count(record_fields.field_value) > 0

),

-- every record of an older vintage, with its newer record (none: removed)
older_to_newer as (

    select
        vintage_pairs.monitor_id,
        vintage_pairs.older_source_id,
        vintage_pairs.newer_source_id,
        vintage_pairs.newer_vintage_year,
        older.source_row_number as older_source_row_number,
        newer.source_row_number as newer_source_row_number,
        older.event_id as older_event_id,
        newer.event_id as newer_event_id,
        coalesce(newer.source_record_locator, older.source_record_locator) as source_record_locator,
        coalesce(newer.victim_name_as_reported, older.victim_name_as_reported) as victim_name_as_reported,
        coalesce(newer.event_country_code, older.event_country_code) as event_country_code,
        coalesce(newer.period_year, older.period_year) as event_year,
        true as is_within_older_coverage

    from records as older
    inner join vintage_pairs
        on older.source_id = vintage_pairs.older_source_id
    left join records as newer
        on
            older.superseded_by_source_id = newer.source_id
            and older.superseded_by_row_number = newer.source_row_number
    where older.superseded_by_source_id = vintage_pairs.newer_source_id

),

-- every record of a newer vintage that no older record leads to
added as (

    select
        vintage_pairs.monitor_id,
        vintage_pairs.older_source_id,
        vintage_pairs.newer_source_id,
        vintage_pairs.newer_vintage_year,
        cast(null as {{ dbt.type_int() }}) as older_source_row_number,
        newer.source_row_number as newer_source_row_number,
        newer.source_record_locator,
        newer.victim_name_as_reported,
        newer.event_country_code,
        newer.period_year as event_year,
        -- in a year the older vintage covered only in part (or in part as far as is known), not established
        case
            when
                newer.period_year < vintage_pairs.older_first_year
                or newer.period_year > vintage_pairs.older_last_year
                then false
            when
                (newer.period_year = vintage_pairs.older_first_year and not coalesce(vintage_pairs.older_first_year_in_full, false))
                or (newer.period_year = vintage_pairs.older_last_year and not coalesce(vintage_pairs.older_last_year_in_full, false))
                then null
            when newer.period_year is not null then true
        end as is_within_older_coverage

    from records as newer
    inner join vintage_pairs
        on newer.source_id = vintage_pairs.newer_source_id
    -- led to by a record of this pair's older vintage (a newer vintage that supersedes several
    -- older ones is compared with each)
    left join records as older
        on
            newer.source_id = older.superseded_by_source_id
            and newer.source_row_number = older.superseded_by_row_number
            and vintage_pairs.older_source_id = older.source_id
    where
        older.source_id is null
        and not {{ vintage_out_of_scope('vintage_pairs.older_source_id', 'newer') }}

),

-- the two sides of every record kept from one vintage to the next: its older and its newer record
sides as (

    select 'older' as side
    union all
    select 'newer' as side

),

kept_sides as (

    select
        older_to_newer.*,
        sides.side,
        case when sides.side = 'older' then older_to_newer.older_source_id else older_to_newer.newer_source_id end
            as side_source_id,
        case
            when sides.side = 'older' then older_to_newer.older_source_row_number
            else older_to_newer.newer_source_row_number
        end as side_source_row_number

    from older_to_newer
    cross join sides
    where older_to_newer.older_event_id is not null and older_to_newer.newer_event_id is not null

),

-- the fields of both sides, one row per side and field, then side by side in compared_fields: a
-- group by, never a join of two field lists (whose order a planner may get wrong: quadratic in
-- the records)
pair_fields as (

    select
        kept_sides.monitor_id,
        kept_sides.older_source_id,
        kept_sides.newer_source_id,
        kept_sides.newer_vintage_year,
        kept_sides.older_source_row_number,
        kept_sides.newer_source_row_number,
        kept_sides.source_record_locator,
        kept_sides.victim_name_as_reported,
        kept_sides.event_country_code,
        kept_sides.event_year,
        kept_sides.is_within_older_coverage,
        kept_sides.side,
        labelled_fields.field_name,
        labelled_fields.field_value,
        labelled_fields.field_label

    from kept_sides
    inner join labelled_fields
        on
            kept_sides.side_source_id = labelled_fields.source_id
            and kept_sides.side_source_row_number = labelled_fields.source_row_number

),

compared_fields as (

    select
        pair_fields.monitor_id,
        pair_fields.older_source_id,
        pair_fields.newer_source_id,
        pair_fields.newer_vintage_year,
        pair_fields.older_source_row_number,
        pair_fields.newer_source_row_number,
        pair_fields.source_record_locator,
        pair_fields.victim_name_as_reported,
        pair_fields.event_country_code,
        pair_fields.event_year,
        pair_fields.is_within_older_coverage,
        pair_fields.field_name,
        max(case when pair_fields.side = 'older' then pair_fields.field_value end) as older_value,
        max(case when pair_fields.side = 'newer' then pair_fields.field_value end) as newer_value,
        max(case when pair_fields.side = 'older' then pair_fields.field_label end) as older_label,
        max(case when pair_fields.side = 'newer' then pair_fields.field_label end) as newer_label

    from pair_fields
    group by
        pair_fields.monitor_id,
        pair_fields.older_source_id,
        pair_fields.newer_source_id,
        pair_fields.newer_vintage_year,
        pair_fields.older_source_row_number,
        pair_fields.newer_source_row_number,
        pair_fields.source_record_locator,
        pair_fields.victim_name_as_reported,
        pair_fields.event_country_code,
        pair_fields.event_year,
        pair_fields.is_within_older_coverage,
        pair_fields.field_name

),

changes as (

    select
        added.monitor_id,
        added.older_source_id,
        added.newer_source_id,
        added.newer_vintage_year,
        'added' as change_kind,
        cast(null as {{ dbt.type_string() }}) as field_name,
        cast(null as {{ dbt.type_string() }}) as older_value,
        cast(null as {{ dbt.type_string() }}) as newer_value,
        cast(null as {{ dbt.type_string() }}) as older_label,
        cast(null as {{ dbt.type_string() }}) as newer_label,
        added.older_source_row_number,
        added.newer_source_row_number,
        added.source_record_locator,
        added.victim_name_as_reported,
        added.event_country_code,
        added.event_year,
        added.is_within_older_coverage

    from added

    union all

    select
        older_to_newer.monitor_id,
        older_to_newer.older_source_id,
        older_to_newer.newer_source_id,
        older_to_newer.newer_vintage_year,
        'removed' as change_kind,
        cast(null as {{ dbt.type_string() }}) as field_name,
        cast(null as {{ dbt.type_string() }}) as older_value,
        cast(null as {{ dbt.type_string() }}) as newer_value,
        cast(null as {{ dbt.type_string() }}) as older_label,
        cast(null as {{ dbt.type_string() }}) as newer_label,
        older_to_newer.older_source_row_number,
        older_to_newer.newer_source_row_number,
        older_to_newer.source_record_locator,
        older_to_newer.victim_name_as_reported,
        older_to_newer.event_country_code,
        older_to_newer.event_year,
        older_to_newer.is_within_older_coverage

    from older_to_newer
    where older_to_newer.newer_source_row_number is null

    union all

    select
        compared_fields.monitor_id,
        compared_fields.older_source_id,
        compared_fields.newer_source_id,
        compared_fields.newer_vintage_year,
        'changed' as change_kind,
        compared_fields.field_name,
        compared_fields.older_value,
        compared_fields.newer_value,
        compared_fields.older_label,
        compared_fields.newer_label,
        compared_fields.older_source_row_number,
        compared_fields.newer_source_row_number,
        compared_fields.source_record_locator,
        compared_fields.victim_name_as_reported,
        compared_fields.event_country_code,
        compared_fields.event_year,
        compared_fields.is_within_older_coverage

    from compared_fields
    inner join filled_fields as filled_in_older
        on
            compared_fields.older_source_id = filled_in_older.source_id
            and compared_fields.field_name = filled_in_older.field_name
    inner join filled_fields as filled_in_newer
        on
            compared_fields.newer_source_id = filled_in_newer.source_id
            and compared_fields.field_name = filled_in_newer.field_name
    where
        compared_fields.older_value is distinct from compared_fields.newer_value
        -- a date the newer record gives more precisely, within the older record's year (or month),
        -- is a refinement (often a day carried over from another vintage), not a revision
        and not (
            compared_fields.field_name = 'date'
            and (
                (
                    compared_fields.older_value like '%(year)'
                    and compared_fields.newer_value not like '%(year)'
                    and left(compared_fields.older_value, 4) = left(compared_fields.newer_value, 4)
                )
                or (
                    compared_fields.older_value like '%(month)'
                    and compared_fields.newer_value like '%(day)'
                    and left(compared_fields.older_value, 7) = left(compared_fields.newer_value, 7)
                )
            )
        )

),

final as (

    select
        concat_ws(
            ':',
            changes.older_source_id,
            coalesce(cast(changes.older_source_row_number as {{ dbt.type_string() }}), '-'),
            changes.newer_source_id,
            coalesce(cast(changes.newer_source_row_number as {{ dbt.type_string() }}), '-'),
            coalesce(changes.field_name, changes.change_kind)
        ) as change_id,
        changes.*  -- noqa: AM04

    from changes

)

select * from final
