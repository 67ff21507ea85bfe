with

source as (

    select * from {{ ref('xwalk_cpj__impunity') }}

),

renamed as (

    select
        nullif(trim(source.source_label), '') as source_label,
        nullif(trim(source.impunity_outcome_code), '') as impunity_outcome_code,
        nullif(trim(source.legal_stage_code), '') as legal_stage_code,
        nullif(trim(source.basis), '') as basis,
        {{ label_key('source.source_label') }} as label_key

    from source

)

select * from renamed
