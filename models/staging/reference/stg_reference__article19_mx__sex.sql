with

source as (

    select * from {{ ref('xwalk_article19_mx__sex') }}

),

renamed as (

    select
        nullif(trim(source.source_label), '') as source_label,
        nullif(trim(source.victim_type), '') as victim_type,
        nullif(trim(source.role_code), '') as role_code,
        nullif(trim(source.gender), '') as gender,
        nullif(trim(source.gender_basis), '') as gender_basis,
        nullif(trim(source.basis), '') as basis,
        {{ label_key('source.source_label') }} as label_key

    from source

)

select * from renamed
