with

source as (

    select * from {{ ref('vocab_procedure_types') }}

),

renamed as (

    select
        nullif(trim(source.procedure_type), '') as procedure_type,
        nullif(trim(source.procedure_name), '') as procedure_name,
        nullif(trim(source.published_metric), '') as published_metric,
        nullif(trim(source.description), '') as description,
        nullif(trim(source.basis), '') as basis

    from source

)

select * from renamed
