-- For each monitor whose file gives each record's year in one column (the 'year' of its
-- declaration, macros/monitors.sql), the records of each year read from the file equal the
-- records the warehouse loads in that period plus those of that year it quarantines: no record is
-- lost, doubled or put in another year on the way. The file is read through its dbt source (its
-- rows numbered by position), not through the monitor's models. Returns one row per monitor and
-- year where the counts differ.
{%- set declared = [] -%}
{%- for monitor in monitors() if monitor.get('year') -%}
    {%- do declared.append(monitor) -%}
{%- endfor %}
with

records as (

    {% for monitor in declared -%}
        select
            '{{ monitor.monitor }}' as monitor_name,
            coalesce(
                {{ clean_text('exported.' ~ adapter.quote(monitor.year.column)) }}, '(no year)'
            ) as year_in_file,
            contract.source_row_number is not null as is_in_warehouse,
            contract.rejected_column is null and contract.event_id is not null as is_loaded,
            contract.rejected_column is not null as is_quarantined,
            cast(contract.period_year as {{ dbt.type_string() }}) as period_year

        from {{ source(monitor.year.source[0], monitor.year.source[1]) }} as exported
        left join {{ ref(monitor.records) }} as contract
            on cast(exported.ordinality as {{ dbt.type_int() }}) = contract.source_row_number
        {% if not loop.last %}union all{% endif %}
    {% endfor -%}
    {%- if declared | length == 0 -%}
        select
            cast(null as {{ dbt.type_string() }}) as monitor_name,
            cast(null as {{ dbt.type_string() }}) as year_in_file,
            false as is_in_warehouse,
            false as is_loaded,
            false as is_quarantined,
            cast(null as {{ dbt.type_string() }}) as period_year
        where false
    {%- endif %}

),

-- what the file says
in_file as (

    select
        records.monitor_name,
        records.year_in_file as year_label,
        count(*) as file_records
    from records
    group by records.monitor_name, records.year_in_file

),

-- what the warehouse holds: loaded records by their period, quarantined ones by the file's year
in_warehouse as (

    select
        records.monitor_name,
        case when records.is_loaded then records.period_year else records.year_in_file end as year_label,
        count(case when records.is_loaded then 1 end) as loaded,
        count(case when records.is_quarantined then 1 end) as quarantined
    from records
    where records.is_in_warehouse
    group by
        records.monitor_name,
        case when records.is_loaded then records.period_year else records.year_in_file end

),

final as (

    select
        coalesce(in_file.monitor_name, in_warehouse.monitor_name) as monitor_name,
        coalesce(in_file.year_label, in_warehouse.year_label) as year_label,
        coalesce(in_file.file_records, 0) as file_records,
        coalesce(in_warehouse.loaded, 0) as loaded,
        coalesce(in_warehouse.quarantined, 0) as quarantined

    from in_file
    full outer join in_warehouse
        on
            in_file.monitor_name = in_warehouse.monitor_name
            and in_file.year_label = in_warehouse.year_label
    where coalesce(in_file.file_records, 0) != coalesce(in_warehouse.loaded, 0) + coalesce(in_warehouse.quarantined, 0)

)

select * from final
