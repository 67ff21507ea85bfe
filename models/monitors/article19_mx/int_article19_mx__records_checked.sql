-- Every Article 19 Mexico record with the check that decides whether it can be loaded: a record
-- whose date cannot be read cannot be placed in a period. Such records are quarantined in
-- core.rejected_source_records with the column, value and reason; none is dropped.
with

staged as (

    select * from {{ ref('stg_article19_mx__aggressions') }}

),

final as (

    select
        staged.*,
        'MX' as country_code,
        case when staged.event_date is null then 'Fecha' end as rejected_column,
        case when staged.event_date is null then staged.event_date_as_published end as rejected_value,
        case when staged.event_date is null then 'no readable date: the record cannot be placed in a period' end
            as rejection_reason,
        -- one vintage of the register: nothing supersedes its records (macros/vintages.sql)
        cast(null as {{ dbt.type_string() }}) as superseded_by_source_id,
        cast(null as {{ dbt.type_int() }}) as superseded_by_row_number,
        cast(null as {{ dbt.type_string() }}) as supersession_basis

    from staged

)

-- every staged column is carried on (the model checks, it does not reshape)
select * from final  -- noqa: AM04
