{#-
    Vintages: a monitor re-publishes its list, and each file it published is one vintage, a table
    of the monitor's dbt source (its columns are the file's layout) and a row of the monitor's
    catalogue seed (monitor_id, vintage_year, coverage, the vintage it supersedes). Two macros,
    used by every monitor the same way:
    - vintage_records: the staged columns of every vintage of one layout, one row per record;
    - vintage_supersession: which records of an older vintage a newer one supersedes.
-#}


{#- Every record of the given vintages (tables of one dbt source), one `select` each, unioned:
    the vintage's source_id (its table's meta.source_id), the record's position in its file
    (source_row_number, from WITH ORDINALITY), the prefix of the ids the vintage's records get in
    the register (meta.record_id_prefix: one per vintage, so that ids never collide) and each layout column cleaned (clean_text) under
    its staged name. layout: [(column as published, staged name)]; a column a vintage's table
    does not declare is null for its records (an older layout lacks it). -#}
{% macro vintage_records(source_name, tables, layout) -%}
    {%- for table in tables %}
        {%- set relation = source(source_name, table) -%}
        {%- set node = graph.sources.get('source.' ~ project_name ~ '.' ~ source_name ~ '.' ~ table) if execute else none -%}
        {%- set declared = node.columns.keys() | list if node else [] %}
    select
        '{{ node.meta.source_id if node else table }}' as source_id,
        cast(records.ordinality as {{ dbt.type_int() }}) as source_row_number,
        '{{ node.meta.get('record_id_prefix', '') if node else '' }}' as record_id_prefix,
        {%- for published, staged in layout %}
            {%- if node is none or published in declared %}
        {{ clean_text('records.' ~ adapter.quote(published)) }} as {{ staged }}{{ "," if not loop.last }}
            {%- else %}
        cast(null as {{ dbt.type_string() }}) as {{ staged }}{{ "," if not loop.last }}
            {%- endif %}
        {%- endfor %}
    from {{ relation }} as records
        {% if not loop.last -%}
    union all
        {%- endif %}
    {%- endfor %}
{%- endmacro %}


{#- For each record of a monitor's vintages, whether a newer vintage supersedes it, as a relation
    of (source_id, source_row_number, superseded_by_source_id, superseded_by_row_number,
    supersession_basis); empty columns for a record nothing supersedes (it loads or is quarantined).

    records: a relation with source_id, source_row_number, record_year (the year the record dates
    the event, or null) and vintage_match_key (the monitor's declared rule for "the same record":
    CPJ, the folded name, year and country). Records of one vintage with the same key are told
    apart by their order in the file (the first with the first). catalogue: the monitor's catalogue
    seed (supersedes_source_id, first_year, last_year). decisions: an optional seed of
    (source_id, source_row_number, newer_source_id, newer_source_row_number, basis) that overrides
    the rule for one older record (an empty newer_source_row_number: it has no newer record).

    An older record is superseded by the vintage that directly supersedes its file:
    - matched: a decision names its newer record, or that vintage holds a record with the same key;
    - removed: it has no newer record, and the newer vintage covers its year (first_year to
      last_year; a record without a year when the newer vintage covers the older one's years).
    A record the newer vintage does not cover, and does not hold, is not superseded: it still loads. -#}
{% macro vintage_supersession(records, catalogue, decisions=none) -%}
    (
    with

    keyed as (

        select
            records.source_id,
            records.source_row_number,
            records.record_year,
            records.vintage_match_key || '#' || cast(
                row_number() over (
                    partition by records.source_id, records.vintage_match_key order by records.source_row_number
                ) as {{ dbt.type_string() }}
            ) as match_key

        from {{ records }} as records

    ),

    vintage_pairs as (

        select
            older.source_id as older_source_id,
            older.first_year as older_first_year,
            older.last_year as older_last_year,
            newer.source_id as newer_source_id,
            newer.first_year as newer_first_year,
            newer.last_year as newer_last_year

        from {{ catalogue }} as newer
        inner join {{ catalogue }} as older
            on newer.supersedes_source_id = older.source_id

    ),

    {%- if decisions %}

    decided as (

        select
            decisions.source_id,
            decisions.source_row_number,
            decisions.newer_source_id,
            decisions.newer_source_row_number,
            decisions.basis

        from {{ decisions }} as decisions

    ),
    {%- endif %}

    older_records as (

        select
            keyed.source_id,
            keyed.source_row_number,
            keyed.record_year,
            keyed.match_key,
            vintage_pairs.newer_source_id,
            coalesce(
                keyed.record_year between vintage_pairs.newer_first_year and vintage_pairs.newer_last_year,
                keyed.record_year is null
                and vintage_pairs.older_first_year >= vintage_pairs.newer_first_year
                and vintage_pairs.older_last_year <= vintage_pairs.newer_last_year,
                false
            ) as is_covered_by_newer

        from keyed
        inner join vintage_pairs
            on keyed.source_id = vintage_pairs.older_source_id

    ),

    final as (

        select
            older_records.source_id,
            older_records.source_row_number,
            {%- if decisions %}
            case
                when decided.source_id is not null then decided.newer_source_id
                when newer_records.source_id is not null or older_records.is_covered_by_newer
                    then older_records.newer_source_id
            end as superseded_by_source_id,
            case
                when decided.source_id is not null then decided.newer_source_row_number
                else newer_records.source_row_number
            end as superseded_by_row_number,
            case
                when decided.source_id is not null then 'decision: ' || decided.basis
                {%- else %}
            case
                when newer_records.source_id is not null or older_records.is_covered_by_newer
                    then older_records.newer_source_id
            end as superseded_by_source_id,
            newer_records.source_row_number as superseded_by_row_number,
            case
                {%- endif %}
                when newer_records.source_id is not null
                    then 'matched: the same record in ' || older_records.newer_source_id || ' (the monitor''s match rule)'
                when older_records.is_covered_by_newer
                    then 'removed: absent from ' || older_records.newer_source_id || ', which covers '
                    || coalesce(cast(older_records.record_year as {{ dbt.type_string() }}), 'every year of this file')
            end as supersession_basis

        from older_records
        left join keyed as newer_records
            on
                older_records.newer_source_id = newer_records.source_id
                and older_records.match_key = newer_records.match_key
        {%- if decisions %}
        left join decided
            on
                older_records.source_id = decided.source_id
                and older_records.source_row_number = decided.source_row_number
        {%- endif %}

    )

    select * from final
    )
{%- endmacro %}
