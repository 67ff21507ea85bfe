-- The media registry rows of each assessment with outlet names in their canonical spelling
-- (raw_name_variants), beside the spelling as reported. Every downstream model reads the registry
-- from here.
with

registry as (

    select * from {{ ref('stg_assessment__media_registry') }}

),

final as (

    select
        {{ star_except('registry', ['outlet_name']) }},
        {{ canonical_name('outlet_names', 'registry.outlet_name') }} as outlet_name,
        registry.outlet_name as outlet_name_as_reported

    from registry
    {{ canonical_name_join('outlet_names', 'registry.outlet_name', 'outlet', 'registry.country_code') }}

)

select * from final  -- noqa: AM04
