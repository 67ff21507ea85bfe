-- Sources side by side: per country, year of the event and SDG 16.10.1 type, the event groups each
-- source records (all and verified), those no other source has, and the event groups of all
-- sources deduplicated across them (fct_linked_records: records of one group count once). A group's
-- type is the most serious type any of its records gives. Undated records (no year) are left out.
-- A source's row says when the source covers the year only in part (int_sources__years_covered_in_part):
-- its count of that year is then not comparable with a source that covers the whole year.
-- An append rebuilds the cells (country, year) it changes (macros/append_changes.sql), which the
-- pre-hook deletes first.
{{ config(pre_hook="{{ delete_rows_to_rebuild(rewritten_rows('source_comparison')) }}") }}
with

linked_records as (

    select * from {{ ref('fct_linked_records') }}

),

sdg_violation_types as (

    select * from {{ ref('ref_sdg_violation_types') }}

),

sources as (

    select * from {{ ref('dim_sources') }}

),

countries as (

    select * from {{ ref('dim_countries') }}

),

years_covered_in_part as (

    select * from {{ ref('int_sources__years_covered_in_part') }}

),

ranked as (

    select
        linked_records.*,
        sdg_violation_types.severity_rank

    from linked_records
    inner join sdg_violation_types
        on linked_records.sdg_violation_code = sdg_violation_types.sdg_violation_code
    where
        linked_records.event_year is not null
        -- in an append, the groups that may count in a cell it rebuilds: a record alone in its
        -- group counts in its own cell; a group of several records is read whole
        and (
            linked_records.source_record_count > 1
            or {{ in_partitions_to_rebuild('linked_records', source_comparison_cells(), ['event_country_code', 'event_year']) }}
        )

),

event_groups as (

    select
        ranked.event_group_id,
        min_by(ranked.event_country_code, ranked.severity_rank) as country_code,
        min(ranked.event_year) as event_year,
        min_by(ranked.sdg_violation_code, ranked.severity_rank) as sdg_violation_code,
        count(distinct ranked.source_id) as source_count

    from ranked
    group by ranked.event_group_id

),

by_source as (

    select
        event_groups.country_code,
        event_groups.event_year,
        event_groups.sdg_violation_code,
        ranked.source_id,
        count(distinct event_groups.event_group_id) as source_event_groups,
        count(distinct event_groups.event_group_id) filter (where ranked.is_verified) as verified_source_event_groups,
        count(distinct event_groups.event_group_id) filter (where event_groups.source_count = 1) as only_this_source_event_groups

    from event_groups
    inner join ranked
        on event_groups.event_group_id = ranked.event_group_id
    group by all

),

all_sources as (

    select
        event_groups.country_code,
        event_groups.event_year,
        event_groups.sdg_violation_code,
        count(*) as all_sources_event_groups,
        count(*) filter (where event_groups.source_count > 1) as event_groups_in_several_sources

    from event_groups
    group by all

),

final as (

    select
        by_source.country_code,
        countries.country_name,
        by_source.event_year,
        by_source.sdg_violation_code,
        sdg_violation_types.sdg_violation_name,
        by_source.source_id,
        sources.publisher as source_publisher,
        by_source.source_event_groups,
        by_source.verified_source_event_groups,
        by_source.only_this_source_event_groups,
        all_sources.all_sources_event_groups,
        all_sources.event_groups_in_several_sources,
        years_covered_in_part.source_id is not null as is_year_covered_in_part,
        years_covered_in_part.coverage_basis

    from by_source
    inner join all_sources
        on
            by_source.country_code = all_sources.country_code
            and by_source.event_year = all_sources.event_year
            and by_source.sdg_violation_code = all_sources.sdg_violation_code
    inner join sdg_violation_types
        on by_source.sdg_violation_code = sdg_violation_types.sdg_violation_code
    left join sources
        on by_source.source_id = sources.source_id
    left join countries
        on by_source.country_code = countries.country_code
    left join years_covered_in_part
        on
            by_source.source_id = years_covered_in_part.source_id
            and by_source.event_year = years_covered_in_part.period_year
    where {{ in_partitions_to_rebuild('by_source', source_comparison_cells(), ['country_code', 'event_year']) }}

)

select * from final
