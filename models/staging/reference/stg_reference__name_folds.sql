with

source as (

    select * from {{ ref('ref_name_folds') }}

),

renamed as (

    select
        source.rule_order,
        source.pattern,
        coalesce(source.replacement, '') as replacement,
        nullif(trim(source.basis), '') as basis

    from source

)

select * from renamed
