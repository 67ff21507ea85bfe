-- Same ground and same facts, same category: a deprivation of liberty whose resolved arbitrariness
-- category is not the default of its resolved ground (vocab_deprivation_grounds) needs a row in
-- sdg_ground_exceptions that says which facts differ, and an exception must match the coding.
-- One row per deprivation breaking the rule.
with

resolved as (

    select * from {{ ref('int_sdg_codings__resolved') }}

),

grounds as (

    select * from {{ ref('vocab_deprivation_grounds') }}

),

arbitrariness_categories as (

    select * from {{ ref('vocab_arbitrariness_categories') }}

),

exceptions as (

    select * from {{ ref('sdg_ground_exceptions') }}

),

coded as (

    select
        ground.country_code,
        ground.period_year,
        ground.unit_id,
        ground.resolved_value as ground_code,
        arbitrariness_categories.arbitrariness_category_code

    from resolved as ground
    inner join resolved as arbitrariness
        on
            ground.country_code = arbitrariness.country_code
            and ground.period_year = arbitrariness.period_year
            and ground.unit_id = arbitrariness.unit_id
            and arbitrariness.field = 'arbitrariness'
    inner join arbitrariness_categories
        on arbitrariness.resolved_value = arbitrariness_categories.coding_value
    where ground.field = 'ground'

)

select
    coded.country_code,
    coded.period_year,
    coded.unit_id,
    coded.ground_code,
    coded.arbitrariness_category_code,
    grounds.default_arbitrariness_category_code,
    exceptions.arbitrariness_category_code as exception_category_code

from coded
inner join grounds
    on coded.ground_code = grounds.ground_code
left join exceptions
    on
        coded.country_code = exceptions.country_code
        and coded.period_year = exceptions.period_year
        and coded.unit_id = exceptions.unit_id
where
    (
        grounds.default_arbitrariness_category_code is not null
        and coded.arbitrariness_category_code != grounds.default_arbitrariness_category_code
        and exceptions.unit_id is null
    )
    or exceptions.arbitrariness_category_code != coded.arbitrariness_category_code
