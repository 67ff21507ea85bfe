with

source as (

    select * from {{ ref('ref_sdg_perpetrator_statuses') }}

),

renamed as (

    select
        nullif(trim(source.sdg_perpetrator_status), '') as sdg_perpetrator_status,
        nullif(trim(source.sdg_perpetrator_status_name), '') as sdg_perpetrator_status_name,
        source.status_precedence,
        nullif(trim(source.basis), '') as basis

    from source

)

select * from renamed
