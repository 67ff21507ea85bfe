with

source as (

    select * from {{ ref('vocab_gender_bases') }}

),

renamed as (

    select
        nullif(trim(source.gender_basis_code), '') as gender_basis_code,
        nullif(trim(source.gender_basis_name), '') as gender_basis_name,
        source.basis_rank,
        nullif(trim(source.description), '') as description,
        nullif(trim(source.basis), '') as basis

    from source

)

select * from renamed
