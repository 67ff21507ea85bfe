-- Criminal charges of the period by Criminal Code article (a row of the report's table, which
-- can group articles, e.g. CC-130/131) and the report's victim group: the report's table cell
-- by cell (reported_charges) beside the charges the register itemizes (itemized_charges).
with

charges as (

    select * from {{ ref('criminal_charge_cells') }}

),

final as (

    select
        charges.country_code,
        charges.period_year,
        charges.article_row,
        charges.article_row_name,
        charges.report_victim_group,
        charges.report_victim_group_name,
        charges.victim_group_order,
        charges.reported_charges,
        charges.itemized_charges,
        -- the contract's type: DuckDB and Spark derive decimal precisions differently
        cast(charges.itemized_minus_reported as decimal(24, 4)) as itemized_minus_reported,
        charges.figure_id

    from charges

)

select * from final
