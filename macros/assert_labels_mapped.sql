{#-
    Stops the run when a loaded record of a monitor's export carries a label that its mapping seed
    does not know: one line per unmapped value, naming the source, the file, the field and the
    value (with how many records carry it and the seed to add it to). Called at the top of the
    model that applies the mappings, so nothing downstream is built and the published warehouse
    stays as it was.

    checks: [{'field': field as published, 'column': staged column, 'seed': the mapping seed,
    'label': its column of source labels (default source_label), 'missing': the label of an
    empty cell (default '(not stated)', macro mapped_label: an empty cell is a label the seed must
    map like any other, never a silent join miss), 'empty_is_no_value': true where the model
    itself handles an empty cell as no value (quarantined for it, or left undated) and says so,
    'also': optional [{'column': staged column, 'label': seed column}, ...]: the seed's rows are
    keyed on these fields too (a mapping on several fields: a status x a type of death), each
    read as mapped_label; the value reported is the fields' labels joined by ' x ', 'within': optional {'column': staged
    column, 'label': seed column}: the seed maps the field within the values of another field (a
    location within a country that the seed splits by location), so only the records whose value
    of that field the seed lists are checked, and a label is known within its own value only}]
-#}
{% macro assert_labels_mapped(source_id, file_path, staged, where, checks) %}
    {%- if not execute -%}
        {{ return('') }}
    {%- endif -%}
    {#- nothing to check in a unit test (its inputs are fixtures, not the monitor's file), nor where
        the staged records are not built (compiling for a linter, docs) -#}
    {%- if model is mapping and model.get('resource_type') == 'unit_test' -%}
        {{ return('') }}
    {%- endif -%}
    {%- set staged_relation = ref(staged) -%}
    {%- if staged_relation.database is none -%}
        {{ return('') }}
    {%- endif -%}
    {%- if adapter.get_relation(staged_relation.database, staged_relation.schema, staged_relation.identifier) is none -%}
        {{ return('') }}
    {%- endif -%}
    {%- set queries = [] -%}
    {%- for check in checks -%}
        {%- if check.get('empty_is_no_value') -%}
            {%- set value = 'staged.' ~ check.column -%}
        {%- elif check.get('missing') -%}
            {%- set value = "coalesce(staged." ~ check.column ~ ", '" ~ check.missing ~ "')" -%}
        {%- else -%}
            {%- set value = mapped_label('staged.' ~ check.column) -%}
        {%- endif -%}
        {%- set within = check.get('within') -%}
        {%- set query -%}
            select
                staged.source_id,
                '{{ check.field }}' as field,
                {% if within -%}
                staged.{{ within.column }} || ': ' ||
                {%- endif %}
                {%- for key in check.get('also', []) %} {{ mapped_label('staged.' ~ key.column) }} || ' x ' ||{% endfor %}
                {{ value }} as label,
                '{{ check.seed }}' as seed,
                count(*) as records
            from {{ ref(staged) }} as staged
            {% if within -%}
            inner join (select distinct {{ within.label }} as scope from {{ ref(check.seed) }}) as scoped
                on {{ label_key('staged.' ~ within.column) }} = {{ label_key('scoped.scope') }}
            {% endif -%}
            left join {{ ref(check.seed) }} as xwalk
                on {{ label_key(value) }} = {{ label_key('xwalk.' ~ check.get('label', 'source_label')) }}
                {%- if within %}
                and {{ label_key('staged.' ~ within.column) }} = {{ label_key('xwalk.' ~ within.label) }}
                {%- endif %}
                {%- for key in check.get('also', []) %}
                and {{ label_key(mapped_label('staged.' ~ key.column)) }} = {{ label_key('xwalk.' ~ key.label) }}
                {%- endfor %}
            where ({{ where }})
                and xwalk.{{ check.get('label', 'source_label') }} is null
                and {{ value }} is not null
            group by all
        {%- endset -%}
        {%- do queries.append(query) -%}
    {%- endfor -%}
    {%- set unmapped = run_query(queries | join('\nunion all\n') ~ '\norder by source_id, field, label') -%}
    {%- if unmapped.rows | length > 0 -%}
        {#- each vintage's file, by its source_id (the dbt source tables' meta) -#}
        {%- set files = {} -%}
        {%- for node in graph.sources.values() if node.meta.get('source_id') and node.meta.get('file_path') -%}
            {%- do files.update({node.meta['source_id']: node.meta['file_path']}) -%}
        {%- endfor -%}
        {%- set lines = [] -%}
        {%- for row in unmapped.rows -%}
            {%- do lines.append('source ' ~ row[0] ~ ', file ' ~ files.get(row[0], file_path) ~ ', field ' ~ row[1] ~ ": value '" ~ row[2]
                ~ "' has no mapping (" ~ row[4] ~ " record(s)); add it to " ~ graph.nodes['seed.' ~ project_name ~ '.' ~ row[3]].original_file_path) -%}
        {%- endfor -%}
        {{ exceptions.raise_compiler_error(
            'Unmapped label(s) in a monitor export (' ~ lines | length ~ '); nothing downstream was built:\n  - '
            ~ lines | join('\n  - ')
        ) }}
    {%- endif -%}
{% endmacro %}
