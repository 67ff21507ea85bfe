-- Article 19 Mexico's records, one row per record of each of its files (two layouts of one
-- monitor, periods that do not overlap), stacked by column name: a column the other layout lacks
-- is empty. Nothing is mapped or dropped here.
-- - article19_mx_2012_2016 (the JSON register, Dec 2012 - Dec 2016): the date read from its
--   human-readable local form (the Unix timestamp kept as published), the place split into city
--   and state, text cleaned.
-- - article19_mx_2018 (the CSV alerts, Jan - Jun 2018): text cleaned; a cell that is one of the
--   monitor's placeholders (article19_mx__placeholders: "Se reserva" withheld, "N/A" not
--   applicable) is no value, and its meaning is kept beside it; the type cell is also kept as
--   published, line breaks included (they delimit the types a cell lists); the date read
--   from "9 de enero" by the Spanish month names (article19_mx__month_names) and one rule for the
--   year (below).
{%- set columns = [
    'source_id', 'source_row_number', 'record_id_prefix', 'source_record_locator',
    'event_unix_timestamp', 'event_date_as_published', 'event_date', 'event_date_is_withheld', 'file_coverage_year', 'place_name', 'city_name',
    'state_name', 'latitude', 'longitude', 'latitude_as_published', 'longitude_as_published', 'perpetrator_label', 'perpetrator_description', 'sex_label',
    'aggression_type_label', 'aggression_type_as_published', 'specific_aggression', 'aggressions_counted_as_published',
    'aggressions_counted', 'folio', 'verified_at_as_published', 'alert_url', 'victim_names', 'victim_names_as_published',
    'victim_names_placeholder', 'outlet_names', 'outlet_names_as_published', 'outlet_names_placeholder', 'role_label',
    'role_label_as_published', 'role_label_placeholder', 'state_name_as_published', 'state_name_placeholder',
    'city_name_as_published', 'city_name_placeholder', 'facts', 'facts_as_published', 'facts_placeholder', 'spreadsheet_note',
] %}
with

source_2012_2016 as (

    select * from {{ source('article19_mx', 'aggressions') }}

),

source_2018 as (

    select * from {{ source('article19_mx', 'alerts_2018') }}

),

placeholders as (

    select
        {{ label_key('placeholder_label') }} as placeholder_key,
        meaning

    from {{ ref('article19_mx__placeholders') }}

),

month_names as (

    select * from {{ ref('article19_mx__month_names') }}

),

catalogue as (

    select * from {{ ref('article19_mx__source') }}

),

register_2012_2016 as (

    select
        'article19_mx_2012_2016' as source_id,
        cast(source_2012_2016.ordinality as integer) as source_row_number,  -- noqa: RF04
        'A19MX-' as record_id_prefix,
        source_2012_2016.Fecha.unix as event_unix_timestamp,  -- noqa: CP02
        {{ clean_text('source_2012_2016.Fecha.human') }} as event_date_as_published,  -- noqa: CP02
        {{ try_parse_month_day_year(
            "split_part(source_2012_2016.Fecha.human, ',', 1) || ',' || split_part(source_2012_2016.Fecha.human, ',', 2)"
        ) }} as event_date,  -- noqa: CP02
        false as event_date_is_withheld,
        {{ clean_text('source_2012_2016.place.name') }} as place_name,
        case
            when source_2012_2016.place.name like '%,%' then {{ clean_text("split_part(source_2012_2016.place.name, ',', 1)") }}
        end as city_name,
        {{ clean_text("split_part(source_2012_2016.place.name, ',', -1)") }} as state_name,
        source_2012_2016.place.lat as latitude,
        source_2012_2016.place.lon as longitude,
        {{ clean_text('source_2012_2016.responsable') }} as perpetrator_label,
        {{ clean_text('source_2012_2016.sexo') }} as sex_label,
        {{ clean_text('source_2012_2016.type') }} as aggression_type_label

    from source_2012_2016

),

register_2012_2016_located as (

    select
        register_2012_2016.*,
        'record ' || register_2012_2016.source_row_number || ', '
        || coalesce(cast(register_2012_2016.event_unix_timestamp as {{ dbt.type_string() }}), 'no timestamp')
            as source_record_locator

    from register_2012_2016

),

-- each cell of the 2018 layout cleaned, and whether it is one of the monitor's placeholders
alerts_2018 as (

    select
        'article19_mx_2018' as source_id,
        cast(source_2018.ordinality as integer) as source_row_number,  -- noqa: RF04
        'A19MX18-' as record_id_prefix,
        {{ clean_text('source_2018.' ~ adapter.quote('Nombre')) }} as victim_names_as_published,
        victim_names_placeholder.meaning as victim_names_placeholder,
        {{ clean_text('source_2018.' ~ adapter.quote('Medio/Colectivo')) }} as outlet_names_as_published,
        outlet_names_placeholder.meaning as outlet_names_placeholder,
        {{ clean_text('source_2018.' ~ adapter.quote('Cargo')) }} as role_label_as_published,
        role_label_placeholder.meaning as role_label_placeholder,
        {{ clean_text('source_2018.' ~ adapter.quote('Estado')) }} as state_name_as_published,
        state_name_placeholder.meaning as state_name_placeholder,
        {{ clean_text('source_2018.' ~ adapter.quote('Municipio')) }} as city_name_as_published,
        city_name_placeholder.meaning as city_name_placeholder,
        {{ clean_text('source_2018.' ~ adapter.quote('Fecha')) }} as event_date_text_as_published,
        event_date_text_placeholder.meaning as event_date_text_placeholder,
        {{ clean_text('source_2018.' ~ adapter.quote('Hechos')) }} as facts_as_published,
        facts_placeholder.meaning as facts_placeholder,
        {{ clean_text('source_2018.' ~ adapter.quote('Tipo de agresión')) }} as aggression_type_label,
        -- the cell as published (line breaks kept): they delimit the types a cell lists
        source_2018.{{ adapter.quote('Tipo de agresión') }} as aggression_type_as_published,
        {{ clean_text('source_2018.' ~ adapter.quote('Agresión específica')) }} as specific_aggression,
        {{ clean_text('source_2018.' ~ adapter.quote('Número de agresiones a contabilizar')) }} as aggressions_counted_as_published,
        {{ clean_text('source_2018.' ~ adapter.quote('Folio')) }} as folio,
        {{ clean_text('source_2018.' ~ adapter.quote('Día y hora de verificación')) }} as verified_at_as_published,
        {{ clean_text('source_2018.' ~ adapter.quote('Alerta de A19')) }} as alert_url,
        {{ clean_text('source_2018.' ~ adapter.quote('Perpetrador')) }} as perpetrator_label,
        {{ clean_text('source_2018.' ~ adapter.quote('Perpetrador Específico')) }} as perpetrator_description,
        {{ clean_text('source_2018.' ~ adapter.quote('Lugar')) }} as spreadsheet_note,
        -- as published: some cells carry stray characters ("21.161908 |")
        {{ clean_text('source_2018.' ~ adapter.quote('Latitud')) }} as latitude_as_published,
        {{ clean_text('source_2018.' ~ adapter.quote('Longitud')) }} as longitude_as_published,
        -- the date's parts: the first day number the cell names (the first day of a range or of
        -- a list of days, "3 y 4 de junio", "Del 26 al 29 de junio") and a year it states
        try_cast(
            regexp_extract({{ 'source_2018.' ~ adapter.quote('Fecha') }}, '([0-9]{1,2})', 1) as integer
        ) as event_day,
        try_cast(
            regexp_extract({{ 'source_2018.' ~ adapter.quote('Fecha') }}, '(20[0-9][0-9])', 1) as integer
        ) as event_year_stated

    from source_2018
    left join placeholders as victim_names_placeholder
        on {{ label_key('source_2018.' ~ adapter.quote('Nombre')) }} = victim_names_placeholder.placeholder_key
    left join placeholders as outlet_names_placeholder
        on {{ label_key('source_2018.' ~ adapter.quote('Medio/Colectivo')) }} = outlet_names_placeholder.placeholder_key
    left join placeholders as role_label_placeholder
        on {{ label_key('source_2018.' ~ adapter.quote('Cargo')) }} = role_label_placeholder.placeholder_key
    left join placeholders as state_name_placeholder
        on {{ label_key('source_2018.' ~ adapter.quote('Estado')) }} = state_name_placeholder.placeholder_key
    left join placeholders as city_name_placeholder
        on {{ label_key('source_2018.' ~ adapter.quote('Municipio')) }} = city_name_placeholder.placeholder_key
    left join placeholders as event_date_text_placeholder
        on {{ label_key('source_2018.' ~ adapter.quote('Fecha')) }} = event_date_text_placeholder.placeholder_key
    left join placeholders as facts_placeholder
        on {{ label_key('source_2018.' ~ adapter.quote('Hechos')) }} = facts_placeholder.placeholder_key

),

-- the month the cell names first ("22 de enero (edwin) 24 de junio": enero)
alert_months as (

    select
        alerts_2018.source_row_number,
        month_names.month_number

    from alerts_2018
    inner join month_names
        on instr(lower(alerts_2018.event_date_text_as_published), month_names.month_name) > 0
    qualify row_number() over (
        partition by alerts_2018.source_row_number
        order by instr(lower(alerts_2018.event_date_text_as_published), month_names.month_name)
    ) = 1

),

-- the year a cell does not state is the year of the file's coverage, when the catalogue gives it
-- one year (first_year = last_year: 2018, which most Hechos texts also state); never a guess
coverage as (

    select catalogue.first_year as coverage_year

    from catalogue
    where catalogue.source_id = 'article19_mx_2018' and catalogue.first_year = catalogue.last_year

),

alerts_2018_dated as (

    select
        alerts_2018.*,
        case when alerts_2018.victim_names_placeholder is null then alerts_2018.victim_names_as_published end as victim_names,
        case when alerts_2018.outlet_names_placeholder is null then alerts_2018.outlet_names_as_published end as outlet_names,
        -- a placeholder role is its meaning in parentheses, '(withheld)', a label of the role seed
        coalesce('(' || alerts_2018.role_label_placeholder || ')', alerts_2018.role_label_as_published) as role_label,
        case when alerts_2018.state_name_placeholder is null then alerts_2018.state_name_as_published end as state_name,
        case when alerts_2018.city_name_placeholder is null then alerts_2018.city_name_as_published end as city_name,
        case when alerts_2018.facts_placeholder is null then alerts_2018.facts_as_published end as facts,
        alerts_2018.event_date_text_as_published as event_date_as_published,
        coalesce(alerts_2018.event_date_text_placeholder = 'withheld', false) as event_date_is_withheld,
        try_cast(alerts_2018.aggressions_counted_as_published as integer) as aggressions_counted,
        coverage.coverage_year as file_coverage_year,
        try_cast(
            cast(coalesce(alerts_2018.event_year_stated, coverage.coverage_year) as {{ dbt.type_string() }})
            || '-' || lpad(cast(alert_months.month_number as {{ dbt.type_string() }}), 2, '0')
            || '-' || lpad(cast(alerts_2018.event_day as {{ dbt.type_string() }}), 2, '0')
            as date
        ) as event_date

    from alerts_2018
    left join alert_months
        on alerts_2018.source_row_number = alert_months.source_row_number
    left join coverage
        on 1 = 1

),

alerts_2018_located as (

    select
        alerts_2018_dated.*,
        concat_ws(
            ', ',
            'row ' || alerts_2018_dated.source_row_number,
            coalesce('Folio ' || alerts_2018_dated.folio, 'no Folio'),
            case when alerts_2018_dated.event_date_is_withheld then 'date withheld' else alerts_2018_dated.event_date_as_published end,
            case
                when alerts_2018_dated.victim_names_placeholder = 'withheld' then 'name withheld'
                else alerts_2018_dated.victim_names
            end
        ) as source_record_locator

    from alerts_2018_dated

),

final as (

    {{ union_all_by_name(
        ['register_2012_2016_located', 'alerts_2018_located'],
        columns=columns,
        absent={
            'register_2012_2016_located': [
                'file_coverage_year', 'latitude_as_published', 'longitude_as_published', 'perpetrator_description', 'aggression_type_as_published', 'specific_aggression',
                'aggressions_counted_as_published', 'aggressions_counted', 'folio', 'verified_at_as_published',
                'alert_url', 'victim_names', 'victim_names_as_published', 'victim_names_placeholder', 'outlet_names',
                'outlet_names_as_published', 'outlet_names_placeholder', 'role_label', 'role_label_as_published',
                'role_label_placeholder', 'state_name_as_published', 'state_name_placeholder', 'city_name_as_published',
                'city_name_placeholder', 'facts', 'facts_as_published', 'facts_placeholder', 'spreadsheet_note',
            ],
            'alerts_2018_located': ['event_unix_timestamp', 'place_name', 'latitude', 'longitude', 'sex_label'],
        }
    ) }}

)

select * from final
