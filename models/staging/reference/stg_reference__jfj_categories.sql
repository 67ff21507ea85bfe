with

source as (

    select * from {{ ref('ref_jfj_categories') }}

),

renamed as (

    select
        nullif(trim(source.jfj_category_code), '') as jfj_category_code,
        nullif(trim(source.jfj_category_name), '') as jfj_category_name,
        nullif(trim(source.basis), '') as basis

    from source

)

select * from renamed
