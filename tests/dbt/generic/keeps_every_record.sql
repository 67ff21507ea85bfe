{#- Rows in = rows out for a model that maps a monitor's records: every record of the model it
    reads (`of`, the records that `of_where` keeps) is in the model once, and the model holds no
    other record. A mapping join that misses a label (an empty cell, a label a seed lost) would
    drop a record silently; this fails on it, naming the record: one row per record lost, added
    or repeated. `key` names the columns that identify a record in both. -#}
{% test keeps_every_record(model, of, of_where='true', key=['source_id', 'source_row_number']) %}

with

records_in as (

    select {{ key | join(', ') }}
    from {{ of }}
    where {{ of_where }}

),

records_out as (

    select
        {{ key | join(', ') }},
        count(*) as copies
    from {{ model }}
    group by {{ key | join(', ') }}

),

lost as (

    select
        'lost: read but not in the model' as problem,
        {% for column in key %}records_in.{{ column }}{{ ', ' if not loop.last }}{% endfor %}
    from records_in
    left join records_out
        on {% for column in key %}records_in.{{ column }} = records_out.{{ column }}{{ ' and ' if not loop.last }}{% endfor %}
    where records_out.{{ key[0] }} is null

),

added as (

    select
        'added: in the model but not read' as problem,
        {% for column in key %}records_out.{{ column }}{{ ', ' if not loop.last }}{% endfor %}
    from records_out
    left join records_in
        on {% for column in key %}records_in.{{ column }} = records_out.{{ column }}{{ ' and ' if not loop.last }}{% endfor %}
    where records_in.{{ key[0] }} is null

),

repeated as (

    select
        'repeated: in the model more than once' as problem,
        {% for column in key %}records_out.{{ column }}{{ ', ' if not loop.last }}{% endfor %}
    from records_out
    where records_out.copies > 1

)

select * from lost
union all
select * from added
union all
select * from repeated

{% endtest %}
