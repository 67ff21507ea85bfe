-- Sources side by side: per country, year of the event and SDG 16.10.1 type, the cases each source
-- records (all and verified), the cases no other source has, and the cases of all sources
-- deduplicated across them (fct_case_sources: records of one case count once). A case's type is
-- the most serious type any of its records gives. Undated records (no year) are left out.
with

case_sources as (

    select * from {{ ref('fct_case_sources') }}

),

sdg_violation_types as (

    select * from {{ ref('ref_sdg_violation_types') }}

),

sources as (

    select * from {{ ref('dim_sources') }}

),

ranked as (

    select
        case_sources.*,
        sdg_violation_types.severity_rank

    from case_sources
    inner join sdg_violation_types
        on case_sources.sdg_violation_code = sdg_violation_types.sdg_violation_code
    where case_sources.event_year is not null

),

cases as (

    select
        ranked.case_id,
        min_by(ranked.event_country_code, ranked.severity_rank) as country_code,
        min(ranked.event_year) as event_year,
        min_by(ranked.sdg_violation_code, ranked.severity_rank) as sdg_violation_code,
        count(distinct ranked.source_id) as source_count

    from ranked
    group by ranked.case_id

),

by_source as (

    select
        cases.country_code,
        cases.event_year,
        cases.sdg_violation_code,
        ranked.source_id,
        count(distinct cases.case_id) as source_cases,
        count(distinct cases.case_id) filter (where ranked.is_verified) as verified_source_cases,
        count(distinct cases.case_id) filter (where cases.source_count = 1) as only_this_source_cases

    from cases
    inner join ranked
        on cases.case_id = ranked.case_id
    group by all

),

all_sources as (

    select
        cases.country_code,
        cases.event_year,
        cases.sdg_violation_code,
        count(*) as all_sources_cases,
        count(*) filter (where cases.source_count > 1) as cases_in_several_sources

    from cases
    group by all

),

final as (

    select
        by_source.country_code,
        by_source.event_year,
        by_source.sdg_violation_code,
        sdg_violation_types.sdg_violation_name,
        by_source.source_id,
        sources.publisher as source_publisher,
        by_source.source_cases,
        by_source.verified_source_cases,
        by_source.only_this_source_cases,
        all_sources.all_sources_cases,
        all_sources.cases_in_several_sources

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

)

select * from final
