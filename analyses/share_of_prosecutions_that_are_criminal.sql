-- Share of the charges and claims against journalists, bloggers and activists that are criminal,
-- from the register, beside the share the report publishes.
with

legal_actions as (

    select * from {{ ref('fct_legal_actions') }}

),

statistics as (

    select * from {{ ref('fct_reported_statistics') }}

),

register_share as (

    select
        legal_actions.country_code,
        legal_actions.period_year,
        count(*) as legal_actions,
        count(*) filter (where legal_actions.procedure_type = 'criminal') as criminal_actions,
        round(100.0 * criminal_actions / nullif(legal_actions, 0), 1) as criminal_share_percent

    from legal_actions
    where
        legal_actions.journalist_position = 'defendant'
        and legal_actions.is_active_in_period
    group by all

),

published_share as (

    select
        statistics.country_code,
        statistics.period_year,
        max(statistics.figure_value) as published_criminal_share_percent

    from statistics
    where
        statistics.metric = 'proceedings_related_threats'
        and statistics.procedure_type = 'criminal'
        and statistics.unit = 'percent'
    group by all

),

final as (

    select
        register_share.*,
        published_share.published_criminal_share_percent

    from register_share
    left join published_share
        on
            register_share.country_code = published_share.country_code
            and register_share.period_year = published_share.period_year

)

select * from final
