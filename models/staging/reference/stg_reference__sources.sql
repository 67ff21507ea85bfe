with

source as (

    select * from {{ ref('ref_sources') }}

),

renamed as (

    select
        nullif(trim(source.source_id), '') as source_id,
        nullif(trim(source.source_kind), '') as source_kind,
        nullif(trim(source.publisher), '') as publisher,
        nullif(trim(source.title), '') as title,
        nullif(trim(source.countries_covered), '') as countries_covered,
        source.first_year,
        source.last_year,
        nullif(trim(source.violations_recorded), '') as violations_recorded,
        nullif(trim(source.verification_standard), '') as verification_standard,
        nullif(trim(source.record_verification_status_code), '') as record_verification_status_code,
        nullif(trim(source.record_locator), '') as record_locator,
        nullif(trim(source.licence_and_attribution), '') as licence_and_attribution,
        nullif(trim(source.file_path), '') as file_path,
        nullif(trim(source.file_format), '') as file_format,
        lower(nullif(trim(source.file_sha256), '')) as file_sha256,
        nullif(trim(source.copied_from), '') as copied_from,
        nullif(trim(source.victim_identity_rule), '') as victim_identity_rule

    from source

)

select * from renamed
