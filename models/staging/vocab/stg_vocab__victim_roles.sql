with

source as (

    select * from {{ ref('vocab_victim_roles') }}

),

renamed as (

    select
        nullif(trim(source.role_code), '') as role_code,
        nullif(trim(source.role_name), '') as role_name,
        source.is_media_worker,
        nullif(trim(source.default_victim_type), '') as default_victim_type,
        nullif(trim(source.description), '') as description,
        nullif(trim(source.basis), '') as basis

    from source

)

select * from renamed
