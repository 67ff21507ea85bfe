with

source as (

    select * from {{ ref('xwalk_cpj__type_of_death') }}

),

renamed as (

    select
        nullif(trim(source.source_label), '') as source_label,
        nullif(trim(source.category_code), '') as category_code,
        nullif(trim(source.context_code), '') as context_code,
        nullif(trim(source.basis), '') as basis,
        {{ label_key('source.source_label') }} as label_key

    from source

)

select * from renamed
