with

source as (

    select * from {{ ref('vocab_verification_statuses') }}

),

renamed as (

    select
        nullif(trim(source.verification_status_code), '') as verification_status_code,
        nullif(trim(source.verification_status_name), '') as verification_status_name,
        source.is_verified,
        nullif(trim(source.description), '') as description,
        nullif(trim(source.basis), '') as basis

    from source

)

select * from renamed
