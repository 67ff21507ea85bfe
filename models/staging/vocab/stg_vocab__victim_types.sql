with

source as (

    select * from {{ ref('vocab_victim_types') }}

),

renamed as (

    select
        nullif(trim(source.victim_type_code), '') as victim_type_code,
        nullif(trim(source.victim_type_name), '') as victim_type_name,
        nullif(trim(source.description), '') as description,
        nullif(trim(source.basis), '') as basis

    from source

)

select * from renamed
