with

source as (

    select * from {{ ref('xwalk_cpj__combined_status') }}

),

renamed as (

    select
        nullif(trim(source.source_label), '') as source_label,
        nullif(trim(source.verification_status_code), '') as verification_status_code,
        nullif(trim(source.basis), '') as basis,
        {{ label_key('source.source_label') }} as label_key

    from source

)

select * from renamed
