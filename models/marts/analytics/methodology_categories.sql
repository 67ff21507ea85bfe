-- The methodology of each incident category, from the seeds: what it covers, what it does not,
-- its SDG 16.10.1 violation type (and the type when the deprivation of liberty is not arbitrary)
-- and its Justice for Journalists group. The methodology page lists these rows.
with

categories as (

    select * from {{ ref('dim_incident_categories') }}

),

vocab_categories as (

    select * from {{ ref('vocab_incident_categories') }}

),

category_to_sdg as (

    select * from {{ ref('xwalk_category_to_sdg') }}

),

sdg_violation_types as (

    select * from {{ ref('ref_sdg_violation_types') }}

),

final as (

    select
        categories.category_code,
        categories.category_name,
        categories.category_group,
        categories.description as definition,
        vocab_categories.not_counted,
        categories.sdg_violation_code,
        categories.sdg_violation_name,
        category_to_sdg.sdg_violation_code_if_not_arbitrary,
        if_not_arbitrary.sdg_violation_name as sdg_violation_name_if_not_arbitrary,
        categories.jfj_category_code,
        categories.jfj_category_name,
        vocab_categories.basis

    from categories
    inner join vocab_categories
        on categories.category_code = vocab_categories.category_code
    inner join category_to_sdg
        on categories.category_code = category_to_sdg.category_code
    left join sdg_violation_types as if_not_arbitrary
        on category_to_sdg.sdg_violation_code_if_not_arbitrary = if_not_arbitrary.sdg_violation_code

)

select * from final
