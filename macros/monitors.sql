{#-
    Monitors are plug-ins. Each one declares itself with a macro of its own, in
    macros/monitors/<monitor>.sql:

        {% macro monitor__<monitor>() %}
            {{ return({'records': '<its contract model>', 'staged': '<its staged model>',
                       'catalogue': '<its sources-catalogue seed>'}) }}
        {% endmacro %}

    - records: the model that ends its pipeline and honours the monitor-record contract (every
      record of its files, one row each: loaded with its event, victim and legal fields,
      quarantined with the column, value and reason, or superseded by a newer vintage; columns in monitor_record_columns() below,
      enforced by a dbt contract on the model);
    - staged: its staged records, one row per record of each file (the loaded + superseded + quarantined =
      records-in-file check counts them);
    - catalogue: its row of the sources catalogue (the columns of ref_sources);
    - year (optional): {'tables': [[source name, table name], one per vintage], 'column': the column}, when one
      column of its file gives each record's year: the warehouse's records per year are then
      checked against the file's (tests/dbt/sources/every_year_of_a_monitor_export_holds_its_records.sql);
    - observations (optional): {'records': <its state-observation model>, 'staged': <its staged
      observations>}, when its files also hold dated observations of a state (a prison census:
      who is in custody on the census date), not events: the model honours the state-observation
      contract (monitor_observation_columns() below, enforced, tagged state_observations), and its
      staged rows count in the loaded + superseded + quarantined = records-in-file check (an
      observation loads into core.fct_custody_observations or is quarantined).

    The register, the quarantine, the sources catalogue and the completeness check find every
    monitor here, by the macro's name: none of them names a monitor. Macros are parsed before
    models, so the refs below are in the graph; a monitor added after the last full parse is found
    by a full one (`make build` parses in full; `dbt parse --no-partial-parse` by hand).
-#}
{% macro monitors() %}
    {%- set found = [] -%}
    {%- for name in context | sort if name.startswith('monitor__') -%}
        {%- set declared = context[name]() -%}
        {%- do declared.update({'monitor': name[9:]}) -%}
        {%- do found.append(declared) -%}
    {%- endfor -%}
    {{ return(found) }}
{% endmacro %}


{#- The monitor-record contract: what the register needs of every record of a monitor, as
    (column, type); each monitor's contract model declares the same columns in its YAML (dbt
    enforces them there) and tests/dbt/sources/every_monitor_honours_the_record_contract.sql
    holds the two together. The columns are described in models/_docs.md. -#}
{% macro monitor_record_columns() %}
    {{ return([
        ('source_id', 'string'), ('source_row_number', 'integer'), ('source_record_locator', 'string'),
        ('rejected_column', 'string'), ('rejected_value', 'string'), ('rejection_reason', 'string'),
        ('superseded_by_source_id', 'string'), ('superseded_by_row_number', 'integer'), ('supersession_basis', 'string'),
        ('carried_over_basis', 'string'), ('event_id', 'string'), ('country_code', 'string'), ('period_year', 'integer'),
        ('event_country_code', 'string'), ('event_date', 'date'), ('date_precision', 'string'),
        ('category_code', 'string'), ('secondary_category_codes', 'string'), ('city_name', 'string'), ('context_code', 'string'),
        ('perpetrator_type_code', 'string'), ('perpetrator_description', 'string'),
        ('verification_status_code', 'string'), ('arbitrariness_category_code', 'string'),
        ('arbitrariness_locator', 'string'), ('event_summary', 'string'), ('impunity_outcome_code', 'string'),
        ('category_as_reported', 'string'), ('motive_as_reported', 'string'),
        ('victim_type', 'string'), ('victim_name', 'string'), ('victim_name_as_reported', 'string'),
        ('role_code', 'string'), ('sex', 'string'), ('sex_basis', 'string'), ('sex_locator', 'string'),
        ('outlet_name', 'string'), ('outlet_name_as_reported', 'string'),
        ('legal_procedure_type', 'string'), ('legal_journalist_position', 'string'),
        ('legal_stage_code', 'string'), ('legal_action_summary', 'string'),
    ]) }}
{% endmacro %}


{#- Every record of every monitor, in the contract's columns (a relation to select from). A
    project with no monitor gives an empty relation of the same columns. -#}
{% macro monitor_records() -%}
    {%- set models = [] -%}
    {%- for monitor in monitors() -%}
        {%- do models.append(monitor.records) -%}
    {%- endfor -%}
    {{ contract_union(models, monitor_record_columns()) }}
{%- endmacro %}


{#- The union of contract models (their names), in the contract's columns (name, type) pairs; an
    empty relation of the same columns when there is no model. One mechanism for the records and
    the state observations of every monitor. -#}
{% macro contract_union(models, columns) -%}
    {%- set types = {'string': dbt.type_string(), 'integer': dbt.type_int(), 'date': 'date'} -%}
    (
    {%- for name in models %}
        select
            {%- for column, type in columns %}
            {{ column }}{{ "," if not loop.last }}
            {%- endfor %}
        from {{ ref(name) }}
        {%- if not loop.last %}
        union all
        {%- endif %}
    {%- endfor %}
    {%- if models | length == 0 %}
        select
            {%- for column, type in columns %}
            cast(null as {{ types[type] }}) as {{ column }}{{ "," if not loop.last }}
            {%- endfor %}
        where false
    {%- endif %}
    )
{%- endmacro %}


{#- The staged records of every monitor (source_id, source_row_number: one row per record of
    its file), for the loaded + quarantined = records-in-file check: its staged records and, for a
    monitor with observations, its staged observations (a file may hold both: each row is staged
    by one of the two). -#}
{% macro monitor_staged_records() -%}
    {%- set declared = monitors() -%}
    {%- set staged_models = [] -%}
    {%- for monitor in declared -%}
        {%- do staged_models.append(monitor.staged) -%}
        {%- if monitor.get('observations') -%}
            {%- do staged_models.append(monitor.observations.staged) -%}
        {%- endif -%}
    {%- endfor -%}
    (
    {%- for staged_model in staged_models %}
        select staged.source_id, staged.source_row_number
        from {{ ref(staged_model) }} as staged
        {%- if not loop.last %}
        union all
        {%- endif %}
    {%- endfor %}
    {%- if declared | length == 0 %}
        select cast(null as {{ dbt.type_string() }}) as source_id, cast(null as {{ dbt.type_int() }}) as source_row_number
        where false
    {%- endif %}
    )
{%- endmacro %}


{#- The sources catalogue's rows: ref_sources (the assessment reports) and each monitor's
    catalogue seed, in ref_sources' columns. -#}
{% macro sources_catalogue() -%}
    {%- set seeds = ['ref_sources'] -%}
    {%- for monitor in monitors() -%}
        {%- do seeds.append(monitor.catalogue) -%}
    {%- endfor -%}
    {%- set columns = [
        'source_id', 'source_kind', 'publisher', 'title', 'countries_covered', 'first_year', 'last_year',
        'violations_recorded', 'verification_standard', 'record_verification_status_code', 'record_locator',
        'licence_and_attribution', 'file_path', 'file_format', 'file_sha256', 'copied_from', 'victim_identity_rule',
        'file_record_count', 'monitor_id', 'vintage_year', 'supersedes_source_id', 'first_year_in_full',
        'last_year_in_full',
    ] -%}
    (
    {%- for seed in seeds %}
        select {{ columns | join(', ') }}
        from {{ ref(seed) }}
        {%- if not loop.last %}
        union all
        {%- endif %}
    {%- endfor %}
    )
{%- endmacro %}


{#- Each monitor's contract model against the contract: its YAML declares the columns of
    monitor_record_columns(), in order, with those types, and enforces the contract (dbt then
    holds the model to its YAML). A relation of (monitor, problem), one row per breach. -#}
{% macro monitor_contract_breaches() -%}
    {%- set types = {'string': ['string', 'varchar', 'text'], 'integer': ['integer', 'int'], 'date': ['date']} -%}
    {%- set problems = [] -%}
    {%- for monitor in monitors() -%}
        {%- set relation = ref(monitor.records) -%}
        {%- if execute -%}
            {%- set node = graph.nodes['model.' ~ project_name ~ '.' ~ monitor.records] -%}
            {%- set declared = node.columns.values() | list -%}
            {%- set expected = monitor_record_columns() -%}
            {%- if not node.config.contract.enforced -%}
                {%- do problems.append((monitor.monitor, monitor.records ~ ': contract not enforced')) -%}
            {%- endif -%}
            {%- for column, type in expected -%}
                {%- set found = declared[loop.index0] if loop.index0 < declared | length else none -%}
                {%- if found is none or found.name != column -%}
                    {%- do problems.append((monitor.monitor, monitor.records ~ ': column ' ~ loop.index ~ ' should be ' ~ column)) -%}
                {%- elif (found.data_type or '') | lower not in types[type] -%}
                    {%- do problems.append((monitor.monitor, monitor.records ~ '.' ~ column ~ ' should be ' ~ type)) -%}
                {%- endif -%}
            {%- endfor -%}
            {%- if declared | length > expected | length -%}
                {%- do problems.append((monitor.monitor, monitor.records ~ ': columns beyond the contract')) -%}
            {%- endif -%}
        {%- endif -%}
    {%- endfor -%}
    (
    {%- for monitor, problem in problems %}
        select '{{ monitor }}' as monitor_name, '{{ problem }}' as problem
        union all
    {%- endfor %}
        select cast(null as {{ dbt.type_string() }}) as monitor_name, cast(null as {{ dbt.type_string() }}) as problem
        where false
    )
{%- endmacro %}


{#- The body of a monitor's contract model: every checked record (`checked`: source_id,
    source_row_number, source_record_locator, the quarantine columns and the supersession columns
    of macros/vintages.sql), with the register columns of the records that can be loaded
    (`mapped`: source_id, source_row_number and the contract's register columns, in the contract's
    order) and empty ones for the others. A record has one disposition: superseded by a newer
    vintage (then not quarantined: the newer record speaks for it), else quarantined, else loaded.
    A superseded record keeps its register columns, for the changes between vintages. `mapped`
    also gives carried_over_basis (a field carried over from an older vintage's record, with its
    provenance; null when none), placed after the supersession columns. -#}
{% macro monitor_record_rows(checked, mapped) -%}
    select
        {{ checked }}.source_id,
        {{ checked }}.source_row_number,
        {{ checked }}.source_record_locator,
        case when {{ checked }}.superseded_by_source_id is null then {{ checked }}.rejected_column end as rejected_column,
        case when {{ checked }}.superseded_by_source_id is null then {{ checked }}.rejected_value end as rejected_value,
        case when {{ checked }}.superseded_by_source_id is null then {{ checked }}.rejection_reason end as rejection_reason,
        {{ checked }}.superseded_by_source_id,
        {{ checked }}.superseded_by_row_number,
        {{ checked }}.supersession_basis,
        {{ mapped }}.carried_over_basis,
        {{ star_except(mapped, ['source_id', 'source_row_number', 'carried_over_basis']) }}
    from {{ checked }}
    left join {{ mapped }}
        on
            {{ checked }}.source_id = {{ mapped }}.source_id
            and {{ checked }}.source_row_number = {{ mapped }}.source_row_number
{%- endmacro %}


{#- The state-observation contract: what the warehouse needs of every dated observation of a
    state that a monitor's file records (a prison census: a journalist in custody on the census
    date), as (column, type). A monitor with observations (its declaration's `observations`)
    ends their pipeline in one model that declares these columns in this order, enforces its
    contract and carries the tag state_observations; the columns are described in
    models/_docs.md (doc blocks observation__*). One row per observation row of its files: loaded
    (an observation_id) or quarantined (rejected_column, rejected_value, rejection_reason). -#}
{% macro monitor_observation_columns() %}
    {{ return([
        ('source_id', 'string'), ('source_row_number', 'integer'), ('source_record_locator', 'string'),
        ('rejected_column', 'string'), ('rejected_value', 'string'), ('rejection_reason', 'string'),
        ('observation_id', 'string'), ('person_key', 'string'), ('person_name', 'string'),
        ('person_name_as_reported', 'string'), ('country_code', 'string'),
        ('census_year', 'integer'), ('census_date', 'date'), ('census_date_basis', 'string'),
        ('census_interval_years', 'integer'),
        ('deprivation_start_date', 'date'), ('deprivation_start_basis', 'string'),
        ('role_code', 'string'), ('sex', 'string'), ('sex_basis', 'string'),
        ('outlet_name', 'string'), ('outlet_name_as_reported', 'string'), ('jobs_as_reported', 'string'),
        ('charges_as_reported', 'string'), ('charge_labels', 'string'),
        ('arbitrariness_category_code', 'string'), ('arbitrariness_basis', 'string'),
        ('sentence_as_reported', 'string'), ('length_of_sentence_as_reported', 'string'),
        ('place_of_detention', 'string'),
    ]) }}
{% endmacro %}


{#- Every observation of every monitor that has observations, in the state-observation
    contract's columns (a relation to select from); empty, with the same columns, when none has. -#}
{% macro monitor_observations() -%}
    {%- set models = [] -%}
    {%- for monitor in monitors() if monitor.get('observations') -%}
        {%- do models.append(monitor.observations.records) -%}
    {%- endfor -%}
    {{ contract_union(models, monitor_observation_columns()) }}
{%- endmacro %}


{#- Each monitor's state-observation model against the state-observation contract, as
    monitor_contract_breaches() does for records, and every model tagged state_observations
    declared by a monitor (found by its tag, so that an observation model no monitor declares
    cannot be left out of the central models). A relation of (monitor, problem). -#}
{% macro monitor_observation_contract_breaches() -%}
    {%- set types = {'string': ['string', 'varchar', 'text'], 'integer': ['integer', 'int'], 'date': ['date']} -%}
    {%- set problems = [] -%}
    {%- set declared_models = [] -%}
    {%- for monitor in monitors() if monitor.get('observations') -%}
        {%- set relation = ref(monitor.observations.records) -%}
        {%- do declared_models.append(monitor.observations.records) -%}
        {%- if execute -%}
            {%- set node = graph.nodes['model.' ~ project_name ~ '.' ~ monitor.observations.records] -%}
            {%- set declared = node.columns.values() | list -%}
            {%- set expected = monitor_observation_columns() -%}
            {%- if not node.config.contract.enforced -%}
                {%- do problems.append((monitor.monitor, monitor.observations.records ~ ': contract not enforced')) -%}
            {%- endif -%}
            {%- if 'state_observations' not in node.tags -%}
                {%- do problems.append((monitor.monitor, monitor.observations.records ~ ': not tagged state_observations')) -%}
            {%- endif -%}
            {%- for column, type in expected -%}
                {%- set found = declared[loop.index0] if loop.index0 < declared | length else none -%}
                {%- if found is none or found.name != column -%}
                    {%- do problems.append((monitor.monitor, monitor.observations.records ~ ': column ' ~ loop.index ~ ' should be ' ~ column)) -%}
                {%- elif (found.data_type or '') | lower not in types[type] -%}
                    {%- do problems.append((monitor.monitor, monitor.observations.records ~ '.' ~ column ~ ' should be ' ~ type)) -%}
                {%- endif -%}
            {%- endfor -%}
            {%- if declared | length > expected | length -%}
                {%- do problems.append((monitor.monitor, monitor.observations.records ~ ': columns beyond the contract')) -%}
            {%- endif -%}
        {%- endif -%}
    {%- endfor -%}
    {%- if execute -%}
        {%- for node in graph.nodes.values() if node.resource_type == 'model' and 'state_observations' in node.tags -%}
            {%- if node.name not in declared_models -%}
                {%- do problems.append((node.name, node.name ~ ': tagged state_observations but declared by no monitor')) -%}
            {%- endif -%}
        {%- endfor -%}
    {%- endif -%}
    (
    {%- for monitor, problem in problems %}
        select '{{ monitor }}' as monitor_name, '{{ problem }}' as problem
        union all
    {%- endfor %}
        select cast(null as {{ dbt.type_string() }}) as monitor_name, cast(null as {{ dbt.type_string() }}) as problem
        where false
    )
{%- endmacro %}
