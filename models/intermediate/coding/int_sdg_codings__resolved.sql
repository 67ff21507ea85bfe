-- The value the warehouse uses for every double-coded SDG 16.10.1 judgment: one row per unit and
-- field, with both coders' values. A decision (sdg_coding_decisions) settles every disagreement,
-- and also an agreement that a rule sharpened after the coding overturns; otherwise the agreed
-- value. A disagreement without a decision has no resolved value (a test fails).
with

codings as (

    select * from {{ ref('sdg_codings') }}

),

decisions as (

    select * from {{ ref('sdg_coding_decisions') }}

),

paired as (

    select
        codings.country_code,
        codings.period_year,
        codings.unit_id,
        codings.field,
        count(*) as coder_count,
        min(codings.coder) as first_coder,
        max(codings.coder) as second_coder,
        min_by(codings.value, codings.coder) as first_value,
        max_by(codings.value, codings.coder) as second_value

    from codings
    group by codings.country_code, codings.period_year, codings.unit_id, codings.field

),

final as (

    select
        paired.country_code,
        paired.period_year,
        paired.unit_id,
        paired.field,
        paired.coder_count,
        paired.first_coder,
        paired.second_coder,
        paired.first_value,
        paired.second_value,
        paired.first_value = paired.second_value as coders_agree,
        case
            when decisions.value is not null then decisions.value
            when paired.first_value = paired.second_value then paired.first_value
        end as resolved_value,
        case
            when decisions.value is not null then 'decision'
            when paired.first_value = paired.second_value then 'coders_agree'
        end as resolved_by,
        decisions.reason as decision_reason

    from paired
    left join decisions
        on
            paired.country_code = decisions.country_code
            and paired.period_year = decisions.period_year
            and paired.unit_id = decisions.unit_id
            and paired.field = decisions.field

)

select * from final
