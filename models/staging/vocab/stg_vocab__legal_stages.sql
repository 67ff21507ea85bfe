with

source as (

    select * from {{ ref('vocab_legal_stages') }}

),

renamed as (

    select
        nullif(trim(source.stage_code), '') as stage_code,
        nullif(trim(source.stage_name), '') as stage_name,
        source.stage_order,
        source.is_terminal,
        nullif(trim(source.outcome_group), '') as outcome_group,
        nullif(trim(source.impunity_status), '') as impunity_status,
        nullif(trim(source.description), '') as description,
        nullif(trim(source.basis), '') as basis

    from source

)

select * from renamed
