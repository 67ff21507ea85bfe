with

source as (

    select * from {{ ref('ref_confidentiality_rules') }}

),

renamed as (

    select
        nullif(trim(source.rule_id), '') as rule_id,
        nullif(trim(source.subject), '') as subject,
        nullif(trim(source.match_field), '') as match_field,
        nullif(trim(source.match_value), '') as match_value,
        nullif(trim(source.confidentiality_level), '') as confidentiality_level,
        nullif(trim(source.basis), '') as basis

    from source

)

select * from renamed
