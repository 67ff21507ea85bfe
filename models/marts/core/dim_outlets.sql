with

outlets as (

    select * from {{ ref('int_outlets') }}

),

final as (

    select
        outlets.outlet_key,
        outlets.country_code,
        outlets.outlet_name,
        outlets.media_type,
        outlets.ownership,
        outlets.city,
        outlets.website,
        outlets.outlet_description,
        outlets.registry_entry_id,
        outlets.is_named_in_registry

    from outlets

)

select * from final
