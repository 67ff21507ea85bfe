-- The charges of each CPJ prison-census observation, one row per charge label (as
-- int_cpj__custody_charge_labels splits the cell; an empty cell is one 'not stated' row), each
-- label mapped to the WGAD category the charge itself
-- states the ground of (xwalk_cpj__charge, with CPJ's definition and the basis), or
-- not_established. A label the seed does not know stops the build (assert_labels_mapped).
-- is_chosen marks, per observation, the one label whose category the observation takes: the
-- most specific stated ground (arbitrariness_precedence, macros/deprivations.sql), then the
-- label in alphabetical order.
{{ assert_labels_mapped(
    'cpj_killed_imprisoned_1992_2020',
    'seeds/external/cpj_killed_imprisoned_1992_2020/Cleaned_Dataset.csv',
    'int_cpj__custody_charge_labels',
    'true',
    [
        {'field': 'charges', 'column': 'charge_label', 'seed': 'xwalk_cpj__charge'},
    ]
) }}
with

split as (

    select * from {{ ref('int_cpj__custody_charge_labels') }}

),

charges as (

    select * from {{ ref('xwalk_cpj__charge') }}

),

mapped as (

    select
        split.source_id,
        split.source_row_number,
        split.charge_label,
        charges.arbitrariness_category_code,
        charges.basis as mapping_basis,
        {{ arbitrariness_precedence('charges.arbitrariness_category_code') }} as precedence

    from split
    left join charges
        on {{ label_key('split.charge_label') }} = {{ label_key('charges.source_label') }}

),

final as (

    select
        mapped.source_id,
        mapped.source_row_number,
        mapped.charge_label,
        mapped.arbitrariness_category_code,
        mapped.mapping_basis,
        row_number() over (
            partition by mapped.source_id, mapped.source_row_number
            order by mapped.precedence, mapped.charge_label
        ) = 1 as is_chosen

    from mapped

)

select * from final
