with

categories as (

    select * from {{ ref('vocab_incident_categories') }}

),

category_to_sdg as (

    select * from {{ ref('xwalk_category_to_sdg') }}

),

sdg_violation_types as (

    select * from {{ ref('ref_sdg_violation_types') }}

),

category_to_jfj as (

    select * from {{ ref('xwalk_category_to_jfj') }}

),

jfj_categories as (

    select * from {{ ref('ref_jfj_categories') }}

),

final as (

    select
        categories.category_code,
        categories.category_name,
        categories.category_group,
        categories.is_deprivation_of_liberty,
        categories.is_physical,
        categories.description,
        category_to_sdg.sdg_violation_code,
        sdg_violation_types.sdg_violation_name,
        sdg_violation_types.severity_rank as sdg_severity_rank,
        category_to_jfj.jfj_category_code,
        jfj_categories.jfj_category_name

    from categories
    inner join category_to_sdg
        on categories.category_code = category_to_sdg.category_code
    inner join sdg_violation_types
        on category_to_sdg.sdg_violation_code = sdg_violation_types.sdg_violation_code
    inner join category_to_jfj
        on categories.category_code = category_to_jfj.category_code
    inner join jfj_categories
        on category_to_jfj.jfj_category_code = jfj_categories.jfj_category_code

)

select * from final
