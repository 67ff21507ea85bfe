with

source as (

    select * from {{ ref('vocab_arbitrariness_bases') }}

),

renamed as (

    select
        nullif(trim(source.arbitrariness_basis_code), '') as arbitrariness_basis_code,
        nullif(trim(source.arbitrariness_basis_name), '') as arbitrariness_basis_name,
        source.is_arbitrary,
        nullif(trim(source.description), '') as description,
        nullif(trim(source.basis), '') as basis

    from source

)

select * from renamed
