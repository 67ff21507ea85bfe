-- Each incident (fct_incidents) with what the incident register shows beside its codes: the country's and the
-- region's names, the category with its SDG 16.10.1 and JFJ labels, the source, the event group it
-- belongs to across sources, and the current status of its legal case (the most advanced of the
-- legal actions that prosecute it; 'no case reported' when there is none).
-- A table built by load batch: a row carries the newest batch among the incident, its event group's
-- records and its legal actions, and an append rewrites the incidents whose batch is new, whose
-- event group a new record joined, or whose legal actions changed. The countries, regions,
-- categories and sources are seeds, which an append does not change.
with

all_incidents as (

    select * from {{ ref('fct_incidents') }}

),

-- the incidents this run (re)builds: all, or in an append those of a newer batch, in a group a new
-- record joined, or with a legal action of a newer batch (read from the relations: a CTE read
-- twice is materialized whole)
incidents as (

    {% if is_incremental() %}
        select * from {{ newer_batch_rows(ref('fct_incidents'), 'incident_rows', [
            {'column': 'incident_key', 'from': ref('fct_linked_records')},
            {'column': 'incident_key', 'key': 'related_incident_key', 'from': ref('fct_legal_actions')},
        ]) }}
    {% else %}
        select all_incidents.*
        from all_incidents
    {% endif %}

),

categories as (

    select * from {{ ref('dim_incident_categories') }}

),


regions as (

    select * from {{ ref('dim_regions') }}

),

countries as (

    select * from {{ ref('dim_countries') }}

),

sources as (

    select * from {{ ref('dim_sources') }}

),

linked_records as (

    select * from {{ ref('fct_linked_records') }}

),

-- the legal actions of those incidents (in an append, only theirs: the incidents are few then)
legal_actions as (

    select all_legal_actions.*
    from {{ ref('fct_legal_actions') }} as all_legal_actions
    {%- if is_incremental() %}
    where all_legal_actions.related_incident_key in (select incidents.incident_key from incidents)
    {%- endif %}

),

-- per incident: its legal actions, and the one whose status speaks for the incident: a conviction
-- first, then proceedings still open (an investigation still open outranks a request or claim
-- rejected on the way), then those concluded for the defendant; within each, the latest current
-- stage, then the identifier
legal_status as (

    select
        legal_actions.related_incident_key as incident_key,
        count(*) as legal_action_count,
        -- one text key (true > false, ISO dates sort as text): views stay readable by DuckDB 1.x
        max_by(
            legal_actions.current_stage_code,
            case legal_actions.current_outcome_group
                when 'against_defendant' then '3'
                when 'open' then '2'
                else '1'
            end
            || '|' || coalesce(cast(legal_actions.current_stage_date as {{ dbt.type_string() }}), '')
            || '|' || legal_actions.legal_action_id
        ) as legal_status_code,
        max(legal_actions.load_batch_id) as load_batch_id

    from legal_actions
    where legal_actions.related_incident_key is not null
    group by legal_actions.related_incident_key

),

final as (

    select
        {{ star_except('incidents', ['load_batch_id']) }},
        countries.country_name as event_country_name,
        case
            when incidents.date_precision = 'day' then {{ format_date('incidents.event_date', 'day') }}
            when incidents.date_precision = 'month' then {{ format_date('incidents.event_date', 'month') }} || ' (day unknown)'
            when incidents.date_precision = 'year' then {{ format_date('incidents.event_date', 'year') }} || ' (month unknown)'
            else 'date unknown'
        end as event_date_label,
        coalesce(regions.region_name, 'region unknown') as region_name,
        categories.category_name,
        categories.jfj_category_name,
        sources.publisher as source_publisher,
        linked_records.event_group_id,
        linked_records.source_record_count as event_group_source_count,
        coalesce(legal_status.legal_action_count, 0) as legal_action_count,
        coalesce(legal_status.legal_status_code, 'no_case_reported') as legal_status_code,
        -- the newest load batch among what the row shows: the incident, its event group's records
        -- and its legal actions (an append rebuilds the register's rows of incidents it changed)
        -- an integer on every engine (a DuckDB 1.x client reads the view's greatest as a bigint)
        cast(greatest(
            incidents.load_batch_id,
            coalesce(linked_records.load_batch_id, incidents.load_batch_id),
            coalesce(legal_status.load_batch_id, incidents.load_batch_id)
        ) as {{ dbt.type_int() }}) as load_batch_id

    from incidents
    inner join categories
        on incidents.category_code = categories.category_code
    left join regions
        on incidents.region_code = regions.region_code
    left join countries
        on incidents.event_country_code = countries.country_code
    left join sources
        on incidents.source_id = sources.source_id
    left join linked_records
        on incidents.incident_key = linked_records.incident_key
    left join legal_status
        on incidents.incident_key = legal_status.incident_key

)

select * from final  -- noqa: AM04
