with

source as (

    select * from {{ ref('vocab_perpetrator_types') }}

),

renamed as (

    select
        nullif(trim(source.perpetrator_type_code), '') as perpetrator_type_code,
        nullif(trim(source.perpetrator_type_name), '') as perpetrator_type_name,
        nullif(trim(source.sdg_perpetrator_status), '') as sdg_perpetrator_status,
        nullif(trim(source.description), '') as description,
        nullif(trim(source.basis), '') as basis

    from source

)

select * from renamed
