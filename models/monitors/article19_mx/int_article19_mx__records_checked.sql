-- Every Article 19 Mexico record of each file with the check that decides whether it can be
-- loaded. Such records are quarantined in core.rejected_source_records with the column, value
-- and reason; none is dropped. The rules, in order:
-- 1. a row of the 2018 file whose every descriptive cell (names, outlet, role, state,
--    municipality, date, type, facts) is empty is not a record: an empty spreadsheet row, or the
--    column total of `Número de agresiones a contabilizar` (an aggregate of the other rows, kept as
--    published in the quarantine, never loaded as incidents);
-- 2. a record whose date cannot be read cannot be placed in a period. A date Article 19 withholds
--    ("Se reserva") is not unreadable: the record loads without a date (date_precision unknown).
with

staged as (

    select * from {{ ref('stg_article19_mx__aggressions') }}

),

totals as (

    select
        staged.*,
        staged.victim_names_as_published is null
        and staged.outlet_names_as_published is null
        and staged.role_label_as_published is null
        and staged.state_name_as_published is null
        and staged.city_name_as_published is null
        and staged.event_date_as_published is null
        and staged.aggression_type_label is null
        and staged.facts_as_published is null as is_not_a_record,
        -- the sum of the counts of the file's other rows, to tell a total row from an empty one
        sum(staged.aggressions_counted) over (partition by staged.source_id)
        - coalesce(staged.aggressions_counted, 0) as other_rows_counted

    from staged

),

final as (

    select
        {{ star_except('totals', ['is_not_a_record', 'other_rows_counted']) }},
        'MX' as country_code,
        case
            when totals.source_id = 'article19_mx_2018' and totals.is_not_a_record and totals.aggressions_counted is not null
                then 'Número de agresiones a contabilizar'
            when totals.source_id = 'article19_mx_2018' and totals.is_not_a_record then '(every column)'
            when totals.event_date is null and not totals.event_date_is_withheld then 'Fecha'
        end as rejected_column,
        case
            when totals.source_id = 'article19_mx_2018' and totals.is_not_a_record then totals.aggressions_counted_as_published
            when totals.event_date is null and not totals.event_date_is_withheld then totals.event_date_as_published
        end as rejected_value,
        case
            when
                totals.source_id = 'article19_mx_2018' and totals.is_not_a_record
                and totals.aggressions_counted = totals.other_rows_counted
                then
                    'not a record: the total of the column over the file''s other rows (an aggregate), '
                    || coalesce('beside a spreadsheet note: ' || totals.spreadsheet_note, 'with no other value')
            when totals.source_id = 'article19_mx_2018' and totals.is_not_a_record and totals.aggressions_counted is not null
                then 'not a record: only a count, which is not the total of the other rows, and no names, date, type or facts'
            when totals.source_id = 'article19_mx_2018' and totals.is_not_a_record
                then 'not a record: an empty row of the spreadsheet'
            when totals.event_date is null and not totals.event_date_is_withheld
                then 'no readable date: the record cannot be placed in a period'
        end as rejection_reason,
        -- two files of one monitor whose periods do not overlap: nothing supersedes their records
        -- (macros/vintages.sql)
        cast(null as {{ dbt.type_string() }}) as superseded_by_source_id,
        cast(null as {{ dbt.type_int() }}) as superseded_by_row_number,
        cast(null as {{ dbt.type_string() }}) as supersession_basis

    from totals

)

-- every staged column is carried on (the model checks, it does not reshape)
select * from final  -- noqa: AM04
