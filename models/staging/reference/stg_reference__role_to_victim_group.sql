with

source as (

    select * from {{ ref('xwalk_role_to_victim_group') }}

),

renamed as (

    select
        nullif(trim(source.role_code), '') as role_code,
        nullif(trim(source.report_victim_group), '') as report_victim_group,
        nullif(trim(source.sdg_victim_group), '') as sdg_victim_group,
        nullif(trim(source.basis), '') as basis

    from source

)

select * from renamed
