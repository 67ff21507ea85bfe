-- The report's published metrics recomputed from the register, where the register can derive
-- them: same metric names and breakdown names as raw_published_statistics, one row per value.
-- register_counts__incidents (incidents, persons deprived of liberty) and
-- register_counts__legal (charges and claims, criminal charges by article, threatened persons)
-- count; this model sums their rows per metric and breakdown.
with

incident_figures as (

    select * from {{ ref('register_counts__incidents') }}

),

legal_figures as (

    select * from {{ ref('register_counts__legal') }}

),

final as (

    select * from incident_figures
    union all
    select * from legal_figures

)

select
    final.country_code,
    final.period_year,
    final.reference_year,
    final.metric,
    final.dimension_1_name,
    final.dimension_1_value,
    final.dimension_2_name,
    final.dimension_2_value,
    final.dimension_3_name,
    final.dimension_3_value,
    cast(sum(final.register_value) as decimal(18, 4)) as register_value
from final
where final.metric is not null
group by all
