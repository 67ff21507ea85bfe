with

source as (

    select * from {{ ref('ref_report_victim_groups') }}

),

renamed as (

    select
        nullif(trim(source.report_victim_group), '') as report_victim_group,
        nullif(trim(source.report_victim_group_name), '') as report_victim_group_name,
        source.is_person_group,
        source.display_order,
        nullif(trim(source.combined_victim_group), '') as combined_victim_group,
        nullif(trim(source.basis), '') as basis

    from source

)

select * from renamed
