with

source as (

    select * from {{ ref('xwalk_category_to_sdg') }}

),

renamed as (

    select
        nullif(trim(source.category_code), '') as category_code,
        nullif(trim(source.sdg_violation_code), '') as sdg_violation_code,
        nullif(trim(source.sdg_violation_code_if_not_arbitrary), '') as sdg_violation_code_if_not_arbitrary,
        nullif(trim(source.basis), '') as basis

    from source

)

select * from renamed
