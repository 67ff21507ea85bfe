-- The types of aggression each loaded 2018 alert lists, one row per type, unmapped. One rule, in
-- one place, splits a `Tipo de agresión` cell:
-- 1. its list delimiters, a blank line or a numbered item ("1. Agresión física\n2. Bloqueo, ...",
--    "1. Intimidación y hostigamiento  2. Amenaza"), cut it into pieces (a comma, 'y' or a slash
--    cannot: they occur inside a type's own name, "Intimidación y hostigamiento", "Bloqueo,
--    alteración o remoción de información");
-- 2. a piece that is a phrase listing several types in prose ("Ataque físico, amenaza, y ataque
--    a bienes materiales") is replaced by the types article19_mx__aggression_type_lists reads in
--    it, each with its basis; any other piece is one type;
-- 3. an empty cell is one type, '(not stated)'.
-- type_number orders the types as the cell lists them (1 = first). The types are mapped in
-- int_article19_mx__alerts.
with

records as (

    select * from {{ ref('int_article19_mx__records_checked') }}
    where rejected_column is null and source_id = 'article19_mx_2018'

),

type_lists as (

    select * from {{ ref('article19_mx__aggression_type_lists') }}

),

listed as (

    select
        records.source_id,
        records.source_row_number,
        coalesce(
            {{ clean_text(regexp_replace_all(
                regexp_replace_all('records.aggression_type_as_published', regex('\\r?\\n[ \\t\\r]*\\n'), "'|'"),
                regex('(^|[ \\t\\r\\n|])[0-9]+\\.[ \\t]+'),
                "'|'"
            )) }},
            '(not stated)'
        ) as types_listed

    from records

),

pieces as (

    select
        listed.source_id,
        listed.source_row_number,
        listed.types_listed,
        {{ clean_text('piece.type_label') }} as piece_label

    from listed
    {{ split_to_rows('listed.types_listed', '|', 'piece', 'type_label') }}

),

placed as (

    select
        pieces.source_id,
        pieces.source_row_number,
        pieces.piece_label,
        instr(pieces.types_listed, pieces.piece_label) as piece_position

    from pieces
    where pieces.piece_label is not null

),

items as (

    select
        placed.source_id,
        placed.source_row_number,
        placed.piece_position,
        coalesce(type_lists.item_number, 1) as item_number,
        coalesce(type_lists.item_label, placed.piece_label) as type_label,
        placed.piece_label as listed_as,
        type_lists.basis as split_basis

    from placed
    left join type_lists
        on {{ label_key('placed.piece_label') }} = {{ label_key('type_lists.source_label') }}

),

final as (

    select
        items.source_id,
        items.source_row_number,
        cast(row_number() over (
            partition by items.source_id, items.source_row_number
            order by items.piece_position, items.item_number
        ) as {{ dbt.type_int() }}) as type_number,
        items.type_label,
        items.listed_as,
        coalesce(
            items.split_basis,
            case
                when items.listed_as = '(not stated)' then 'the cell is empty'
                else 'one type (the cell, or a piece of it between blank lines or numbered items)'
            end
        ) as split_basis

    from items

)

select * from final
