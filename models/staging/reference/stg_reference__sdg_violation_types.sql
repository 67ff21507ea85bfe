with

source as (

    select * from {{ ref('ref_sdg_violation_types') }}

),

renamed as (

    select
        nullif(trim(source.sdg_violation_code), '') as sdg_violation_code,
        nullif(trim(source.sdg_violation_name), '') as sdg_violation_name,
        source.severity_rank,
        source.is_sdg_16_10_1_violation,
        nullif(trim(source.basis), '') as basis

    from source

)

select * from renamed
