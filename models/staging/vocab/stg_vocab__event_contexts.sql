with

source as (

    select * from {{ ref('vocab_event_contexts') }}

),

renamed as (

    select
        nullif(trim(source.context_code), '') as context_code,
        nullif(trim(source.context_name), '') as context_name,
        nullif(trim(source.description), '') as description,
        nullif(trim(source.basis), '') as basis

    from source

)

select * from renamed
