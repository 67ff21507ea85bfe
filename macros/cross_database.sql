{#-
    The project's SQL that DuckDB and Spark write differently, one macro per construct, each with
    a DuckDB (default) and a Spark form (adapter.dispatch). Models use these, or dbt's own
    cross-database macros (dbt.listagg, dbt.datediff, dbt.type_string), and nothing engine-only
    outside them: tests/python/test_spark.py greps models, macros and tests for the DuckDB-only
    forms.
-#}

{#- a text as a string literal, read back as the same text: DuckDB doubles a single quote; Spark
    reads a backslash as an escape, so there a backslash or a single quote is escaped with one -#}
{% macro text_literal(text) -%}
    {{ return(adapter.dispatch('text_literal')(text)) }}
{%- endmacro %}

{% macro default__text_literal(text) -%}
    '{{ text | replace("'", "''") }}'
{%- endmacro %}

{% macro spark__text_literal(text) -%}
    '{{ text | replace("\\", "\\\\") | replace("'", "\\'") }}'
{%- endmacro %}

{#- a regular expression as a string literal. DuckDB reads it as RE2, Spark as Java: write what
    both read alike (\s does not: Java's matches a vertical tab, RE2's does not), and a character
    by its code as \x{00A0} -#}
{% macro regex(pattern) -%}
    {{ return(text_literal(pattern)) }}
{%- endmacro %}

{#- a regular expression matching a text literally (the metacharacters escaped) -#}
{% macro regex_quote(text) -%}
    {%- set parts = [] -%}
    {%- for character in text -%}
        {%- do parts.append('\\' ~ character if character in '\\^$.|?*+()[]{}' else character) -%}
    {%- endfor -%}
    {{ return(parts | join('')) }}
{%- endmacro %}

{#- every match of a regular expression replaced (DuckDB needs the 'g' option; Spark replaces
    every match) -#}
{% macro regexp_replace_all(expression, pattern, replacement) -%}
    {{ return(adapter.dispatch('regexp_replace_all')(expression, pattern, replacement)) }}
{%- endmacro %}

{% macro default__regexp_replace_all(expression, pattern, replacement) -%}
    regexp_replace({{ expression }}, {{ pattern }}, {{ replacement }}, 'g')
{%- endmacro %}

{% macro spark__regexp_replace_all(expression, pattern, replacement) -%}
    regexp_replace({{ expression }}, {{ pattern }}, {{ replacement }})
{%- endmacro %}


{#- true when the regular expression matches somewhere in the text -#}
{% macro regexp_contains(expression, pattern) -%}
    {{ return(adapter.dispatch('regexp_contains')(expression, pattern)) }}
{%- endmacro %}

{% macro default__regexp_contains(expression, pattern) -%}
    regexp_matches({{ expression }}, {{ pattern }})
{%- endmacro %}

{% macro spark__regexp_contains(expression, pattern) -%}
    regexp_like({{ expression }}, {{ pattern }})
{%- endmacro %}


{#- a date as text: 'day' (2020-03-07), 'month' (2020-03) or 'year' (2020) -#}
{% macro format_date(expression, precision) -%}
    {{ return(adapter.dispatch('format_date')(expression, precision)) }}
{%- endmacro %}

{% macro default__format_date(expression, precision) -%}
    strftime({{ expression }}, '{{ {'day': '%Y-%m-%d', 'month': '%Y-%m', 'year': '%Y'}[precision] }}')
{%- endmacro %}

{% macro spark__format_date(expression, precision) -%}
    date_format({{ expression }}, '{{ {'day': 'yyyy-MM-dd', 'month': 'yyyy-MM', 'year': 'yyyy'}[precision] }}')
{%- endmacro %}


{#- a date written in English as "December 1, 2012" (month name, day, year), or null when the
    text is not such a date -#}
{% macro try_parse_month_day_year(expression) -%}
    {{ return(adapter.dispatch('try_parse_month_day_year')(expression)) }}
{%- endmacro %}

{% macro default__try_parse_month_day_year(expression) -%}
    cast(try_strptime({{ expression }}, '%B %d, %Y') as date)
{%- endmacro %}

{% macro spark__try_parse_month_day_year(expression) -%}
    cast(try_to_timestamp({{ expression }}, 'MMMM d, yyyy') as date)
{%- endmacro %}


{#- one row per part of a delimited text, as a join clause: `from t {{ split_to_rows(...) }}`
    gives every row of t once per part, the part in alias.column, in no set order. On Spark a
    lateral view, which must follow the last join of its FROM clause. The delimiter is any text,
    taken literally (Spark's split reads a regular expression: there it goes through regex_quote). -#}
{% macro split_to_rows(expression, delimiter, alias, column) -%}
    {{ return(adapter.dispatch('split_to_rows')(expression, delimiter, alias, column)) }}
{%- endmacro %}

{% macro default__split_to_rows(expression, delimiter, alias, column) -%}
    cross join unnest(string_split({{ expression }}, {{ text_literal(delimiter) }})) as {{ alias }} ({{ column }})
{%- endmacro %}

{% macro spark__split_to_rows(expression, delimiter, alias, column) -%}
    lateral view explode(split({{ expression }}, {{ regex(regex_quote(delimiter)) }})) {{ alias }} as {{ column }}
{%- endmacro %}


{#- the parts of a delimited text as rows, in a select list (a set-returning expression); the
    delimiter as in split_to_rows -#}
{% macro split_to_values(expression, delimiter) -%}
    {{ return(adapter.dispatch('split_to_values')(expression, delimiter)) }}
{%- endmacro %}

{% macro default__split_to_values(expression, delimiter) -%}
    unnest(string_split({{ expression }}, {{ text_literal(delimiter) }}))
{%- endmacro %}

{% macro spark__split_to_values(expression, delimiter) -%}
    explode(split({{ expression }}, {{ regex(regex_quote(delimiter)) }}))
{%- endmacro %}


{#- the non-null texts of a list of expressions, sorted and joined by a separator ('' when all
    are null) -#}
{% macro join_sorted(expressions, separator) -%}
    {{ return(adapter.dispatch('join_sorted')(expressions, separator)) }}
{%- endmacro %}

{% macro default__join_sorted(expressions, separator) -%}
    array_to_string(list_sort(list_filter([{{ expressions | join(', ') }}], lambda entry: entry is not null)), '{{ separator }}')
{%- endmacro %}

{% macro spark__join_sorted(expressions, separator) -%}
    array_join(array_sort(filter(array({{ expressions | join(', ') }}), entry -> entry is not null)), '{{ separator }}')
{%- endmacro %}


{#- dbt-spark's listagg drops the order (it warns "order_by_clause is not supported"); Spark 4
    orders with WITHIN GROUP -#}
{% macro spark__listagg(measure, delimiter_text, order_by_clause, limit_num) -%}
    {%- if limit_num -%}
        {{ exceptions.raise_compiler_error('listagg with a limit is not implemented for Spark in this project') }}
    {%- endif -%}
    listagg({{ measure }}, {{ delimiter_text }}){% if order_by_clause %} within group ({{ order_by_clause }}){% endif %}
{%- endmacro %}


{#- accents stripped ("Público" -> "Publico"), as DuckDB's strip_accents does; Spark has no such
    function, so there it is a translate() over the characters strip_accents changes
    (macros/spark/accent_folds.sql, generated from DuckDB by tools/reference/make_accent_folds.py) -#}
{% macro strip_accents(expression) -%}
    {{ return(adapter.dispatch('strip_accents')(expression)) }}
{%- endmacro %}

{% macro default__strip_accents(expression) -%}
    strip_accents({{ expression }})
{%- endmacro %}

{% macro spark__strip_accents(expression) -%}
    {%- set characters, folded = accent_fold_characters() -%}
    translate({{ expression }}, '{{ characters }}', '{{ folded }}')
{%- endmacro %}


{#- every day from one date to another, both included, as rows (a set-returning expression in a
    select list) -#}
{% macro days_between(first_date, last_date) -%}
    {{ return(adapter.dispatch('days_between')(first_date, last_date)) }}
{%- endmacro %}

{% macro default__days_between(first_date, last_date) -%}
    cast(unnest(generate_series({{ first_date }}, {{ last_date }}, interval 1 day)) as date)
{%- endmacro %}

{% macro spark__days_between(first_date, last_date) -%}
    explode(sequence({{ first_date }}, {{ last_date }}, interval 1 day))
{%- endmacro %}


{#- The rows of several CTEs or relations stacked by column name, not position, in the order of
    `columns` (DuckDB's UNION ALL BY NAME, which Spark SQL lacks). A relation listed in `absent`
    lacks those columns: they are null in its rows. -#}
{% macro union_all_by_name(relations, columns, absent={}) -%}
    {%- for relation in relations %}
    select
        {%- for column in columns %}
        {% if column in absent.get(relation, []) %}null{% else %}{{ relation }}.{{ column }}{% endif %} as {{ column }}{{ "," if not loop.last }}
        {%- endfor %}
    from {{ relation }}
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
{%- endmacro %}


{#- a list of values that orders element by element (the ordering key of min_by / max_by) -#}
{% macro ordering_list(expressions) -%}
    {{ return(adapter.dispatch('ordering_list')(expressions)) }}
{%- endmacro %}

{% macro default__ordering_list(expressions) -%}
    [{{ expressions | join(', ') }}]
{%- endmacro %}

{% macro spark__ordering_list(expressions) -%}
    array({{ expressions | join(', ') }})
{%- endmacro %}


{#- the files matching a glob (relative to the project directory) as a relation: file_path
    (relative, as in the glob), file_size_bytes and computed_sha256 (hex) -#}
{% macro files_with_checksums(pattern) -%}
    {{ return(adapter.dispatch('files_with_checksums')(pattern)) }}
{%- endmacro %}

{% macro default__files_with_checksums(pattern) -%}
    (
        select
            blobs.filename as file_path,
            blobs.size as file_size_bytes,
            sha256(blobs.content) as computed_sha256
        from read_blob('{{ pattern }}') as blobs
    )
{%- endmacro %}

{% macro spark__files_with_checksums(pattern) -%}
    {%- set root = env_var('JSI_PROJECT_DIR', '') -%}
    (
        select
            substring(blobs.path, length('file:{{ root }}/') + 1) as file_path,
            blobs.length as file_size_bytes,
            sha2(blobs.content, 256) as computed_sha256
        from binaryFile.`{{ root }}/{{ pattern }}` as blobs
    )
{%- endmacro %}


{#- the English names of a date's month ("January") and weekday ("Monday"), and its ISO day of
    the week (Monday 1 .. Sunday 7) -#}
{% macro month_name(expression) -%}
    {{ return(adapter.dispatch('month_name')(expression)) }}
{%- endmacro %}

{% macro default__month_name(expression) -%}
    monthname({{ expression }})
{%- endmacro %}

{% macro spark__month_name(expression) -%}
    date_format({{ expression }}, 'MMMM')
{%- endmacro %}

{% macro day_name(expression) -%}
    {{ return(adapter.dispatch('day_name')(expression)) }}
{%- endmacro %}

{% macro default__day_name(expression) -%}
    dayname({{ expression }})
{%- endmacro %}

{% macro spark__day_name(expression) -%}
    date_format({{ expression }}, 'EEEE')
{%- endmacro %}

{% macro iso_day_of_week(expression) -%}
    {{ return(adapter.dispatch('iso_day_of_week')(expression)) }}
{%- endmacro %}

{% macro default__iso_day_of_week(expression) -%}
    isodow({{ expression }})
{%- endmacro %}

{% macro spark__iso_day_of_week(expression) -%}
    weekday({{ expression }}) + 1
{%- endmacro %}


{#- every column of a relation or CTE but some: DuckDB writes EXCLUDE (which sqlfluff's DuckDB
    dialect parses), Spark EXCEPT -#}
{% macro star_except(alias, columns) -%}
    {{ return(adapter.dispatch('star_except')(alias, columns)) }}
{%- endmacro %}

{% macro default__star_except(alias, columns) -%}
    {{ alias }}.* exclude ({{ columns | join(', ') }})
{%- endmacro %}

{% macro spark__star_except(alias, columns) -%}
    {{ alias }}.* except ({{ columns | join(', ') }})
{%- endmacro %}
