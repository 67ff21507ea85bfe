with

source as (

    select * from {{ ref('vocab_impunity_outcomes') }}

),

renamed as (

    select
        nullif(trim(source.impunity_outcome_code), '') as impunity_outcome_code,
        nullif(trim(source.impunity_outcome_name), '') as impunity_outcome_name,
        source.outcome_rank,
        nullif(trim(source.description), '') as description,
        nullif(trim(source.basis), '') as basis

    from source

)

select * from renamed
