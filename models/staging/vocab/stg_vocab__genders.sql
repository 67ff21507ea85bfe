with

source as (

    select * from {{ ref('vocab_genders') }}

),

renamed as (

    select
        nullif(trim(source.gender_code), '') as gender_code,
        nullif(trim(source.gender_name), '') as gender_name,
        nullif(trim(source.sdg_sex), '') as sdg_sex,
        nullif(trim(source.description), '') as description,
        nullif(trim(source.basis), '') as basis

    from source

)

select * from renamed
