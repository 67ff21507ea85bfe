-- The report's criminal-charges table, cell by cell, against the charges the register itemizes.
-- Warn: the register itemizes only the cases the report describes, so cells can differ; each
-- row is a cell where they do (see marts.published_figure_reconciliation for every figure).
{{ config(severity='warn') }}

with

charges as (

    select * from {{ ref('criminal_charges_by_article') }}

),

final as (

    select * from charges
    where
        charges.reported_charges is not null
        and charges.itemized_charges != charges.reported_charges

)

select * from final
