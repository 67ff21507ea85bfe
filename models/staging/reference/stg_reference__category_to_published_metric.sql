with

source as (

    select * from {{ ref('xwalk_category_to_published_metric') }}

),

renamed as (

    select
        nullif(trim(source.category_code), '') as category_code,
        nullif(trim(source.metric), '') as metric,
        nullif(trim(source.counted_unit), '') as counted_unit,
        nullif(trim(source.procedure_type), '') as procedure_type,
        nullif(trim(source.basis), '') as basis

    from source

)

select * from renamed
