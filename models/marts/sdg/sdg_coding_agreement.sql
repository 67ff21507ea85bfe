-- How far two independent coders agree on each SDG 16.10.1 judgment of an assessment: per country,
-- period and field, the units both coded, the agreements, and Cohen's kappa: the observed agreement
-- corrected for the agreement expected by chance from each coder's own distribution of values,
-- kappa = (observed - expected) / (1 - expected). Kappa is null when chance alone predicts full
-- agreement (both coders gave one value to every unit). Disagreements and how they were decided
-- come from int_sdg_codings__resolved.
with

resolved as (

    select * from {{ ref('int_sdg_codings__resolved') }}
    where coder_count = 2

),

observed as (

    select
        resolved.country_code,
        resolved.period_year,
        resolved.field,
        count(*) as coded_units,
        count(*) filter (where resolved.coders_agree) as agreements,
        count(*) filter (where not resolved.coders_agree) as disagreements,
        count(*) filter (where not resolved.coders_agree and resolved.resolved_by = 'decision') as decided_disagreements

    from resolved
    group by resolved.country_code, resolved.period_year, resolved.field

),

values_given as (

    select
        resolved.country_code,
        resolved.period_year,
        resolved.field,
        resolved.first_value as coded_value,
        1 as by_first,
        0 as by_second
    from resolved

    union all

    select
        resolved.country_code,
        resolved.period_year,
        resolved.field,
        resolved.second_value as coded_value,
        0 as by_first,
        1 as by_second
    from resolved

),

shares as (

    select
        values_given.country_code,
        values_given.period_year,
        values_given.field,
        values_given.coded_value,
        sum(values_given.by_first) as first_count,
        sum(values_given.by_second) as second_count

    from values_given
    group by values_given.country_code, values_given.period_year, values_given.field, values_given.coded_value

),

chance as (

    select
        shares.country_code,
        shares.period_year,
        shares.field,
        sum(shares.first_count * shares.second_count) as chance_products

    from shares
    group by shares.country_code, shares.period_year, shares.field

),

final as (

    select
        observed.country_code,
        observed.period_year,
        observed.field,
        observed.coded_units,
        observed.agreements,
        observed.disagreements,
        observed.decided_disagreements,
        observed.agreements / observed.coded_units as observed_agreement,
        chance.chance_products / (observed.coded_units * observed.coded_units) as expected_agreement,
        -- the same formula over counts, (n * agreements - sum of products) / (n * n - sum of products),
        -- divides once, so a kappa of 0.4 is 0.4 and not 0.39999
        case
            when chance.chance_products < observed.coded_units * observed.coded_units
                then
                    (observed.coded_units * observed.agreements - chance.chance_products)
                    / (observed.coded_units * observed.coded_units - chance.chance_products)
        end as cohens_kappa

    from observed
    inner join chance
        on
            observed.country_code = chance.country_code
            and observed.period_year = chance.period_year
            and observed.field = chance.field

)

select * from final
