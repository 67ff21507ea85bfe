with

source as (

    select * from {{ ref('xwalk_article19_mx__aggression_type') }}

),

renamed as (

    select
        nullif(trim(source.source_label), '') as source_label,
        nullif(trim(source.category_code), '') as category_code,
        nullif(trim(source.arbitrariness_basis_code), '') as arbitrariness_basis_code,
        nullif(trim(source.basis), '') as basis,
        {{ label_key('source.source_label') }} as label_key

    from source

)

select * from renamed
