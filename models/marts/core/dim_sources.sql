-- One row per source the warehouse reads (the assessment report, each monitor's export): what it
-- is and covers, how it verifies, how to cite it, and its file in seeds/external/ with the
-- SHA-256 recorded in the sources catalogue (int_sources) beside the one computed from the file
-- at build time.
with

sources as (

    select * from {{ ref('int_sources') }}

),

files as (

    select * from {{ files_with_checksums('seeds/external/*/*') }} as files

),

final as (

    select
        sources.source_id,
        sources.source_kind,
        sources.publisher,
        sources.title,
        sources.countries_covered,
        sources.first_year,
        sources.last_year,
        sources.violations_recorded,
        sources.verification_standard,
        sources.record_locator,
        sources.licence_and_attribution,
        sources.file_path,
        sources.file_format,
        files.file_size_bytes,
        sources.file_sha256,
        files.computed_sha256,
        coalesce(files.computed_sha256 = sources.file_sha256, false) as is_file_as_published,
        sources.copied_from,
        sources.victim_identity_rule,
        sources.file_record_count,
        sources.monitor_id,
        sources.vintage_year,
        sources.supersedes_source_id,
        sources.first_year_in_full,
        sources.last_year_in_full

    from sources
    left join files
        on sources.file_path = files.file_path

)

select * from final
