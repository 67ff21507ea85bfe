{#- A text cell of a monitor's export, cleaned in staging: trimmed, inner runs of white space
    folded to one space, empty as null. The value is otherwise kept as published.
    White space is every character with Unicode's White_Space property: tab, line feed, vertical
    tab, form feed, carriage return, space, next line (U+0085), the no-break spaces (U+00A0,
    U+2007, U+202F), the other space separators (U+1680, U+2000-U+200A, U+205F, U+3000) and the
    line and paragraph separators (U+2028, U+2029). The monitors' files hold no-break spaces.
    The characters are listed, not \s or a plain trim(): those differ between DuckDB and Spark
    (neither \s matches U+00A0; DuckDB's trim() removes it, Spark's removes spaces only).
    A zero-width space (U+200B) or byte order mark (U+FEFF) is not white space and is kept. -#}
{% macro clean_text(expression) -%}
    {%- set white_space = '[\\x{0009}-\\x{000D}\\x{0020}\\x{0085}\\x{00A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+' -%}
    nullif(trim(both ' ' from {{ regexp_replace_all(expression, regex(white_space), "' '") }}), '')
{%- endmacro %}
