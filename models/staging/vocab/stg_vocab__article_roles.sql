with

source as (

    select * from {{ ref('vocab_article_roles') }}

),

renamed as (

    select
        nullif(trim(source.role_toward_journalists), '') as role_toward_journalists,
        nullif(trim(source.role_name), '') as role_name,
        nullif(trim(source.description), '') as description,
        nullif(trim(source.basis), '') as basis

    from source

)

select * from renamed
