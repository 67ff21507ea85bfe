with

source as (

    select * from {{ ref('xwalk_cpj__victim_kind') }}

),

renamed as (

    select
        nullif(trim(source.source_label), '') as source_label,
        nullif(trim(source.role_code), '') as role_code,
        nullif(trim(source.basis), '') as basis,
        {{ label_key('source.source_label') }} as label_key

    from source

)

select * from renamed
