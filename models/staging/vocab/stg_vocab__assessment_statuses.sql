with

source as (

    select * from {{ ref('vocab_assessment_statuses') }}

),

renamed as (

    select
        nullif(trim(source.assessment_status), '') as assessment_status,
        nullif(trim(source.status_name), '') as status_name,
        source.status_rank,
        nullif(trim(source.description), '') as description,
        nullif(trim(source.basis), '') as basis

    from source

)

select * from renamed
