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
            {%- set names = [published] if published is string else published -%}
            {%- set found = names | select('in', declared) | list if node else names[:1] %}
            {%- if found %}
        {{ clean_text('records.' ~ adapter.quote(found[0])) }} as {{ staged }}{{ "," if not loop.last }}
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
    the event, or null) and vintage_match_key (the monitor's declared rule for "the same record",
    e.g. the folded name, year and country). Records of one vintage with the same key are told
    apart by their order in the file (the first with the first). catalogue: the monitor's catalogue
    seed (supersedes_source_id: the older vintages it supersedes, ';'-separated; first_year,
    last_year). decisions: an optional seed of
    (source_id, source_row_number, newer_source_id, newer_source_row_number, basis) that overrides
    the rule for one older record (an empty newer_source_row_number: it has no newer record).

    An older record is superseded by the vintage that directly supersedes its file:
    - matched: a decision names its newer record, or that vintage holds a record with the same key;
    - removed: it has no newer record, and the newer vintage covers its year (first_year to
      last_year; a record without a year when the newer vintage covers the older one's years).
    A record the newer vintage does not cover, and does not hold, is not superseded: it still loads. -#}
{#- Which vintage supersedes which, as a relation of (newer_source_id, older_source_id), one row per
    pair: a catalogue row's supersedes_source_id lists the older vintages it supersedes, separated
    by ';' (one export can supersede two older files whose scopes differ). An older vintage is superseded by one newer vintage only
    (tests/dbt/sources/every_older_vintage_is_superseded_by_one_newer_vintage.sql). -#}
{% macro vintage_pairs(catalogue) -%}
    (
    select
        listing.source_id as newer_source_id,
        trim(listed.older_source_id) as older_source_id

    from {{ catalogue }} as listing
    {{ split_to_rows('listing.supersedes_source_id', ';', 'listed', 'older_source_id') }}
    where listing.supersedes_source_id is not null and trim(listed.older_source_id) != ''
    )
{%- endmacro %}


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

        from {{ vintage_pairs(catalogue) }} as pairs
        inner join {{ catalogue }} as newer
            on pairs.newer_source_id = newer.source_id
        inner join {{ catalogue }} as older
            on pairs.older_source_id = older.source_id

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


{#- "Fields a newer layout lacks are carried over from the older record, with their provenance":
    the date. For each record of a monitor's vintages, the most precise date among its own and
    those of the older records that lead to it through the supersession chain (an older record
    matched to it, one matched to that one, and so on, up to max_links vintages back: a removed
    record leads nowhere), taken only when the older record dates the event in the same year.
    Most precise first (day, then month, then year), then the nearest vintage (fewest links), then
    the newest vintage (catalogue vintage_year), then source_id; a record's own date wins a tie.

    records: a relation with source_id, source_row_number, superseded_by_source_id,
    superseded_by_row_number, record_year, record_date (the first day of what the record states),
    record_date_precision (day, month or year) and record_date_basis (what the record states, for
    the provenance). catalogue: the monitor's catalogue seed (vintage_year).

    A relation of (source_id, source_row_number, event_date, date_precision, carried_over_basis):
    one row per record with a year; carried_over_basis is empty when the record keeps its own date. -#}
{% macro vintage_carried_over_dates(records, catalogue, max_links=4) -%}
    (
    with

    leads_0 as (

        select
            records.source_id as to_source_id,
            records.source_row_number as to_row_number,
            records.source_id,
            records.source_row_number,
            0 as links,
            cast(null as {{ dbt.type_string() }}) as via

        from {{ records }} as records

    ),
    {%- for link in range(1, max_links + 1) %}

    leads_{{ link }} as (

        select
            newer.to_source_id,
            newer.to_row_number,
            older.source_id,
            older.source_row_number,
            {{ link }} as links,
            {%- if link == 1 %}
            cast(null as {{ dbt.type_string() }}) as via
            {%- else %}
            concat_ws(' and ', newer.source_id || ' row ' || cast(newer.source_row_number as {{ dbt.type_string() }}), newer.via) as via
            {%- endif %}

        from leads_{{ link - 1 }} as newer
        inner join {{ records }} as older
            on
                newer.source_id = older.superseded_by_source_id
                and newer.source_row_number = older.superseded_by_row_number

    ),
    {%- endfor %}

    leads as (
        {%- for link in range(0, max_links + 1) %}
        select * from leads_{{ link }}
        {%- if not loop.last %}
        union all
        {%- endif %}
        {%- endfor %}
    ),

    candidates as (

        select
            leads.to_source_id,
            leads.to_row_number,
            leads.links,
            leads.via,
            dated.source_id as from_source_id,
            dated.source_row_number as from_row_number,
            dated.record_year,
            dated.record_date,
            dated.record_date_precision,
            dated.record_date_basis,
            row_number() over (
                partition by leads.to_source_id, leads.to_row_number
                order by
                    case dated.record_date_precision when 'day' then 1 when 'month' then 2 else 3 end,
                    leads.links,
                    catalogue.vintage_year desc,
                    dated.source_id
            ) as preference

        from leads
        inner join {{ records }} as target
            on
                leads.to_source_id = target.source_id
                and leads.to_row_number = target.source_row_number
        inner join {{ records }} as dated
            on
                leads.source_id = dated.source_id
                and leads.source_row_number = dated.source_row_number
        left join {{ catalogue }} as catalogue
            on dated.source_id = catalogue.source_id
        where
            dated.record_date is not null
            and target.record_year is not null
            and dated.record_year = target.record_year

    ),

    final as (

        select
            candidates.to_source_id as source_id,
            candidates.to_row_number as source_row_number,
            candidates.record_date as event_date,
            candidates.record_date_precision as date_precision,
            case
                when candidates.links > 0
                    then
                        'date (' || candidates.record_date_precision || ') carried over from ' || candidates.from_source_id
                        || ' row ' || cast(candidates.from_row_number as {{ dbt.type_string() }})
                        || coalesce(', through ' || candidates.via, '')
                        || ', the same record of the same year (' || cast(candidates.record_year as {{ dbt.type_string() }})
                        || '): ' || candidates.record_date_basis
            end as carried_over_basis

        from candidates
        where candidates.preference = 1

    )

    select * from final
    )
{%- endmacro %}


{#- The declared scope of a vintage that holds only part of its monitor's list (e.g. an
    export of the records whose motive is confirmed only): its source table's meta.scope, {contract column:
    [the codes it holds]}, with meta.scope_basis. A boolean expression, true when the record (an
    alias of the monitor-record contract) falls outside the scope of the vintage that
    source_id_expression names: such a record is not "added" by a newer vintage of the pair
    (marts.vintage_changes, the one place scope is applied). A vintage with a scope supersedes no
    vintage (tests/dbt/sources/every_older_vintage_is_superseded_by_one_newer_vintage.sql): its
    narrower list cannot make an older record "removed". A record without the codes (quarantined)
    is within every scope. -#}
{% macro vintage_out_of_scope(source_id_expression, record) -%}
    {%- set scoped = [] -%}
    {%- if execute -%}
        {%- for node in graph.sources.values() | sort(attribute='unique_id') if node.meta.get('scope') -%}
            {%- do scoped.append(node.meta) -%}
        {%- endfor -%}
    {%- endif -%}
    (
    {%- for meta in scoped %}
        ({{ source_id_expression }} = '{{ meta.source_id }}' and not (
            {%- for column, codes in meta.scope.items() | sort %}
            coalesce({{ record }}.{{ column }} in ('{{ codes | join("', '") }}'), true){{ " and" if not loop.last }}
            {%- endfor %}
        ))
        or
    {%- endfor %}
        false
    )
{%- endmacro %}


{#- The vintages with a declared scope (meta.scope of their source table), as a relation of
    (source_id, scope_basis). -#}
{% macro vintage_scopes() -%}
    {%- set scoped = [] -%}
    {%- if execute -%}
        {%- for node in graph.sources.values() | sort(attribute='unique_id') if node.meta.get('scope') -%}
            {%- do scoped.append(node.meta) -%}
        {%- endfor -%}
    {%- endif -%}
    (
    {%- for meta in scoped %}
        select '{{ meta.source_id }}' as source_id, {{ text_literal(meta.get('scope_basis', '')) }} as scope_basis
        union all
    {%- endfor %}
        select cast(null as {{ dbt.type_string() }}) as source_id, cast(null as {{ dbt.type_string() }}) as scope_basis
        where false
    )
{%- endmacro %}
