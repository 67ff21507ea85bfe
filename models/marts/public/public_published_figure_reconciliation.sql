{{ config(alias='published_figure_reconciliation') }}
-- The reconciliation of the report's figures with the register as it may be published (schema
-- public): marts.published_figure_reconciliation with the confidentiality rule applied. A figure
-- whose breakdown, description, wording, note or locator names a withheld person (withheld_names:
-- the name, the surname, or the person as the report's figures key them, person=tamara_vaal) keeps
-- its numbers and status; its texts read withheld. The pages read this table.
with

figures as (

    select * from {{ ref('published_figure_reconciliation') }}

),

withheld_names as (

    select * from {{ ref('withheld_names') }}

),

withheld_figures as (

    select distinct figures.figure_id

    from figures
    inner join withheld_names
        on
            figures.country_code = withheld_names.country_code
            and {{ mentions_withheld('withheld_names', ['figures.dimension_key', 'figures.description', 'figures.stated_as',
                'figures.inconsistency_note', 'figures.source_locator']) }}

),

final as (

    select
        figures.figure_id,
        figures.country_code,
        figures.country_name,
        figures.period_year,
        figures.reference_year,
        figures.source_dataset,
        figures.metric,
        case when withheld_figures.figure_id is null then figures.dimension_key else {{ withheld_text() }} end
            as dimension_key,
        case when withheld_figures.figure_id is null then figures.description else {{ withheld_text() }} end
            as description,
        case when withheld_figures.figure_id is null then figures.stated_as else {{ withheld_text() }} end
            as stated_as,
        figures.published_value,
        figures.unit,
        figures.register_value,
        figures.register_minus_published,
        figures.status,
        figures.status_name,
        figures.repeat_of_figure_id,
        case when withheld_figures.figure_id is null then figures.inconsistency_note else {{ withheld_text() }} end
            as inconsistency_note,
        figures.source_section,
        case when withheld_figures.figure_id is null then figures.source_locator else {{ withheld_text() }} end
            as source_locator,
        withheld_figures.figure_id is not null as has_withheld_fields

    from figures
    left join withheld_figures
        on figures.figure_id = withheld_figures.figure_id

)

select * from final
