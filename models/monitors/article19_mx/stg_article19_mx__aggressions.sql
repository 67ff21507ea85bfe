-- Article 19 Mexico's aggressions against the press, Dec 2012 - Dec 2016, one row per record of
-- the JSON array: renamed, the date read from its human-readable local form (the Unix timestamp is
-- kept as published), the place split into city and state, text cleaned. Nothing is mapped or
-- dropped here.
with

source as (

    select * from {{ source('article19_mx', 'aggressions') }}

),

renamed as (

    select
        'article19_mx_2012_2016' as source_id,
        cast(source.ordinality as integer) as source_row_number,  -- noqa: RF04
        source.Fecha.unix as event_unix_timestamp,  -- noqa: CP02
        {{ clean_text('source.Fecha.human') }} as event_date_as_published,  -- noqa: CP02
        {{ try_parse_month_day_year(
            "split_part(source.Fecha.human, ',', 1) || ',' || split_part(source.Fecha.human, ',', 2)"
        ) }} as event_date,  -- noqa: CP02
        {{ clean_text('source.place.name') }} as place_name,
        case
            when source.place.name like '%,%' then {{ clean_text("split_part(source.place.name, ',', 1)") }}
        end as city_name,
        {{ clean_text("split_part(source.place.name, ',', -1)") }} as state_name,
        source.place.lat as latitude,
        source.place.lon as longitude,
        {{ clean_text('source.responsable') }} as perpetrator_label,
        {{ clean_text('source.sexo') }} as sex_label,
        {{ clean_text('source.type') }} as aggression_type_label

    from source

),

final as (

    select
        renamed.*,
        'record ' || renamed.source_row_number || ', ' || coalesce(cast(renamed.event_unix_timestamp as {{ dbt.type_string() }}), 'no timestamp')
            as source_record_locator

    from renamed

)

select * from final
