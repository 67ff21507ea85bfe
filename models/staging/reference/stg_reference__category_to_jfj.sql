with

source as (

    select * from {{ ref('xwalk_category_to_jfj') }}

),

renamed as (

    select
        nullif(trim(source.category_code), '') as category_code,
        nullif(trim(source.jfj_category_code), '') as jfj_category_code,
        nullif(trim(source.basis), '') as basis

    from source

)

select * from renamed
