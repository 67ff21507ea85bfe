with

source as (

    select * from {{ ref('ref_confidentiality_decisions') }}

),

renamed as (

    select
        nullif(trim(source.incident_victim_id), '') as incident_victim_id,
        nullif(trim(source.subject), '') as subject,
        nullif(trim(source.confidentiality_level), '') as confidentiality_level,
        nullif(trim(source.reason), '') as reason,
        nullif(trim(source.source_section), '') as source_section,
        nullif(trim(source.source_locator), '') as source_locator

    from source

)

select * from renamed
