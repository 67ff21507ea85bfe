-- The gravest violations are always itemized in an assessment: every published count of
-- killings, attempted killings, threats to life and physical attacks that the report does not
-- itself contradict must equal the count derived from the register.
with

reconciliation as (

    select * from {{ ref('published_figure_reconciliation') }}

),

final as (

    select
        reconciliation.figure_id,
        reconciliation.description,
        reconciliation.published_value,
        reconciliation.register_value,
        reconciliation.status

    from reconciliation
    where
        reconciliation.metric in (
            'killings_of_journalists', 'attempted_killings_of_journalists', 'threats_to_life', 'attacks_on_journalists'
        )
        and reconciliation.dimension_key = ''
        and reconciliation.status not in ('reconciled', 'inconsistent_in_source')

)

select * from final
