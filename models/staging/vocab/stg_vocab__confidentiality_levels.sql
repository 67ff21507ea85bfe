with

source as (

    select * from {{ ref('vocab_confidentiality_levels') }}

),

renamed as (

    select
        nullif(trim(source.confidentiality_level), '') as confidentiality_level,
        nullif(trim(source.confidentiality_level_name), '') as confidentiality_level_name,
        source.level_rank,
        nullif(trim(source.description), '') as description,
        nullif(trim(source.basis), '') as basis

    from source

)

select * from renamed
