-- For each monitor whose files give each record's year in one column (the 'year' of its
-- declaration, macros/monitors.sql: the column and the dbt source table of each vintage), the
-- records of each year read from each file equal the records the warehouse loads in that period
-- plus those of that year a newer vintage supersedes or the warehouse quarantines: no record is
-- lost, doubled or put in another year on the way. Each file is read through its dbt source (its
-- rows numbered by position), not through the monitor's models. Returns one row per file and year
-- where the counts differ.
{%- set declared = [] -%}
{%- for monitor in monitors() if monitor.get('year') -%}
    {%- do declared.append(monitor) -%}
{%- endfor %}
with

records as (

    {% for monitor in declared -%}
        {%- set monitor_loop = loop -%}
        {%- for table in monitor.year.tables -%}
            {%- set node = graph.sources.get('source.' ~ project_name ~ '.' ~ table[0] ~ '.' ~ table[1]) if execute else none -%}
            select
                '{{ node.meta.source_id if node else table[1] }}' as source_id,
                coalesce(
                    {{ clean_text('exported.' ~ adapter.quote(monitor.year.column)) }}, '(no year)'
                ) as year_in_file,
                contract.source_row_number is not null as is_in_warehouse,
                contract.rejected_column is null and contract.superseded_by_source_id is null and contract.event_id is not null
                    as is_loaded,
                contract.rejected_column is not null or contract.superseded_by_source_id is not null as is_set_aside,
                cast(contract.period_year as {{ dbt.type_string() }}) as period_year

            from {{ source(table[0], table[1]) }} as exported
            left join {{ ref(monitor.records) }} as contract
                on
                    cast(exported.ordinality as {{ dbt.type_int() }}) = contract.source_row_number
                    and contract.source_id = '{{ node.meta.source_id if node else table[1] }}'
            {% if not (loop.last and monitor_loop.last) %}union all{% endif %}
        {% endfor -%}
    {% endfor -%}
    {%- if declared | length == 0 -%}
        select
            cast(null as {{ dbt.type_string() }}) as source_id,
            cast(null as {{ dbt.type_string() }}) as year_in_file,
            false as is_in_warehouse,
            false as is_loaded,
            false as is_set_aside,
            cast(null as {{ dbt.type_string() }}) as period_year
        where false
    {%- endif %}

),

-- what the file says
in_file as (

    select
        records.source_id,
        records.year_in_file as year_label,
        count(*) as file_records
    from records
    group by records.source_id, records.year_in_file

),

-- what the warehouse holds: loaded records by their period, superseded and quarantined ones by the file's year
in_warehouse as (

    select
        records.source_id,
        case when records.is_loaded then records.period_year else records.year_in_file end as year_label,
        count(case when records.is_loaded then 1 end) as loaded,
        count(case when records.is_set_aside then 1 end) as superseded_or_quarantined
    from records
    where records.is_in_warehouse
    group by
        records.source_id,
        case when records.is_loaded then records.period_year else records.year_in_file end

),

final as (

    select
        coalesce(in_file.source_id, in_warehouse.source_id) as source_id,
        coalesce(in_file.year_label, in_warehouse.year_label) as year_label,
        coalesce(in_file.file_records, 0) as file_records,
        coalesce(in_warehouse.loaded, 0) as loaded,
        coalesce(in_warehouse.superseded_or_quarantined, 0) as superseded_or_quarantined

    from in_file
    full outer join in_warehouse
        on
            in_file.source_id = in_warehouse.source_id
            and in_file.year_label = in_warehouse.year_label
    where coalesce(in_file.file_records, 0) != coalesce(in_warehouse.loaded, 0) + coalesce(in_warehouse.superseded_or_quarantined, 0)

)

select * from final
