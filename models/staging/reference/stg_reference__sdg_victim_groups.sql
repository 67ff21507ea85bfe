with

source as (

    select * from {{ ref('ref_sdg_victim_groups') }}

),

renamed as (

    select
        nullif(trim(source.sdg_victim_group), '') as sdg_victim_group,
        nullif(trim(source.sdg_victim_group_name), '') as sdg_victim_group_name,
        source.is_in_scope,
        source.group_precedence,
        nullif(trim(source.basis), '') as basis

    from source

)

select * from renamed
