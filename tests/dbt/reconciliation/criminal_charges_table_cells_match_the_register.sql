-- The report's criminal-charges table, cell by cell, against the charges the register itemizes.
-- Warn: the register itemizes only the cases the report describes, so cells can differ; each
-- row is a cell where they do (see marts.published_figure_reconciliation for every figure).
{{ config(severity='warn') }}

with

charges as (

    select * from {{ ref('criminal_charges_by_article') }}

),

final as (

    select
        charges.country_code,
        charges.period_year,
        charges.article_row,
        charges.report_victim_group,
        charges.reported_charges,
        charges.itemized_charges

    from charges
    where
        charges.reported_charges is not null
        and charges.itemized_charges != charges.reported_charges

)

select * from final
