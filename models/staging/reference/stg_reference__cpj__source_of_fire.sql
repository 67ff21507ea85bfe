with

source as (

    select * from {{ ref('xwalk_cpj__source_of_fire') }}

),

renamed as (

    select
        nullif(trim(source.source_label), '') as source_label,
        nullif(trim(source.perpetrator_type_code), '') as perpetrator_type_code,
        nullif(trim(source.basis), '') as basis,
        {{ label_key('source.source_label') }} as label_key

    from source

)

select * from renamed
