-- Which records of different sources describe the same victim and event: the linking rules, in
-- one place.
-- 1. Name: two incidents of different sources are linked when a named person victim of each has
--    the same name key (int_victim_name_keys: the name and any alias in brackets, lowercased,
--    accents stripped, folded so that romanisations meet), they happened in the same country, and
--    their years differ by at most var('record_link_year_tolerance').
-- 2. Place, for a record that names no person (Article 19 Mexico never names its victims): two
--    incidents of different sources of a category in var('record_link_place_categories') are linked
--    when they share country, event year and place (the city before any comma, lowercased, accents
--    stripped), at least one of them names no person, and each is the only such record of its
--    source for that country, year and place (a one-to-one match; two killings in one city and
--    year stay unlinked).
-- ref_record_link_decisions adds links the rules cannot make and removes pairs that must never be
-- linked. One row per linked pair, with the basis.
-- 3. Kind of a link (the rule that decides which links join records into one event group,
--    int_event_groups): a link between a record with several person victims and a record with at
--    most one is 'part_of': the one victim is one of the several, and the record of several
--    (whole_event_id) is the whole. Every other link (both records have at most one person victim,
--    or both have several) is 'same_event'. Only 'same_event' links join event groups, so distinct
--    single-victim records each linked to one multi-victim record (a source listing a shooting's
--    victims one by one, another listing the shooting once) stay distinct groups. A decision's link
--    takes its kind by the same rule.
-- Both rules link records of different sources in one country, so only the records of countries
-- that more than one source reports on are compared (a large register of one monitor costs a
-- scan, not a self-join of its names).
with

-- The register as classified (int_incidents__classified: before the facts, for fct_linked_records,
-- a fact, reads these links) and its victims (int_register__incident_victims) are read where they
-- are used, each read narrowed there: DuckDB materializes a CTE read twice, every column of every
-- row, which at 10M victims cost more than the links themselves.
decisions as (

    select * from {{ ref('ref_record_link_decisions') }}

),

countries_with_several_sources as (

    select incidents.event_country_code
    from {{ ref('int_incidents__classified') }} as incidents
    group by incidents.event_country_code
    having count(distinct incidents.source_id) > 1

),

-- the name keys of the named person victims (int_victim_name_keys: the rule of one name)
name_keys as (

    select * from {{ ref('int_victim_name_keys') }}

),

shared_name_keys as (

    select
        name_keys.name_key,
        name_keys.event_country_code
    from name_keys
    group by name_keys.name_key, name_keys.event_country_code
    having count(distinct name_keys.source_id) > 1

),

linkable_name_keys as (

    select name_keys.*
    from name_keys
    semi join shared_name_keys
        on
            name_keys.name_key = shared_name_keys.name_key
            and name_keys.event_country_code = shared_name_keys.event_country_code

),

by_rule as (

    select distinct
        least(first_record.event_id, second_record.event_id) as event_id_a,
        greatest(first_record.event_id, second_record.event_id) as event_id_b,
        'rule: name key ' || first_record.name_key || ', country ' || first_record.event_country_code
        || ', years ' || first_record.event_year || '/' || second_record.event_year as link_basis

    from linkable_name_keys as first_record
    inner join linkable_name_keys as second_record
        on
            first_record.name_key = second_record.name_key
            and first_record.event_country_code = second_record.event_country_code
            and first_record.source_id < second_record.source_id
            and abs(first_record.event_year - second_record.event_year) <= {{ var('record_link_year_tolerance') }}

),

-- rule 2: one-to-one place matches of records of which at least one names no person
place_records as (

    select
        incidents.event_id,
        incidents.source_id,
        incidents.event_country_code,
        incidents.event_year,
        incidents.category_code,
        lower({{ strip_accents("trim(split_part(incidents.city_name, ',', 1))") }}) as place_key,
        incidents.event_id in (
            select register_victims.event_id
            from {{ ref('int_register__incident_victims') }} as register_victims
            where register_victims.victim_type = 'person' and register_victims.victim_name is not null
        ) as names_a_person

    from {{ ref('int_incidents__classified') }} as incidents
    semi join countries_with_several_sources
        on incidents.event_country_code = countries_with_several_sources.event_country_code
    where
        incidents.is_dated
        and incidents.city_name is not null
        and incidents.category_code in ({{ "'" ~ var('record_link_place_categories') | join("', '") ~ "'" }})

),

unique_place_records as (

    select
        place_records.*,
        count(*) over (
            partition by
                place_records.source_id,
                place_records.event_country_code,
                place_records.event_year,
                place_records.category_code,
                place_records.place_key
        ) as records_at_place

    from place_records

),

single_place_records as (

    select * from unique_place_records
    where unique_place_records.records_at_place = 1

),

by_place as (

    select
        least(first_record.event_id, second_record.event_id) as event_id_a,
        greatest(first_record.event_id, second_record.event_id) as event_id_b,
        'rule: only ' || first_record.category_code || ' at ' || first_record.place_key || ', country '
        || first_record.event_country_code || ', year ' || first_record.event_year || ' in both sources'
            as link_basis

    from single_place_records as first_record
    inner join single_place_records as second_record
        on
            first_record.place_key = second_record.place_key
            and first_record.event_country_code = second_record.event_country_code
            and first_record.event_year = second_record.event_year
            and first_record.category_code = second_record.category_code
            and first_record.source_id < second_record.source_id
    where not (first_record.names_a_person and second_record.names_a_person)

),

by_decision as (

    select
        least(decisions.event_id_a, decisions.event_id_b) as event_id_a,
        greatest(decisions.event_id_a, decisions.event_id_b) as event_id_b,
        'decision: ' || decisions.reason as link_basis

    from decisions
    where decisions.decision = 'link'

),

never_linked as (

    select
        least(decisions.event_id_a, decisions.event_id_b) as event_id_a,
        greatest(decisions.event_id_a, decisions.event_id_b) as event_id_b

    from decisions
    where decisions.decision = 'never_link'

),

candidates as (

    select * from by_rule
    union all
    select * from by_place
    union all
    select * from by_decision

),

links as (

    select
        candidates.event_id_a,
        candidates.event_id_b,
        {{ dbt.listagg('candidates.link_basis', "'; '", 'order by candidates.link_basis') }} as link_basis

    from candidates
    anti join never_linked
        on
            candidates.event_id_a = never_linked.event_id_a
            and candidates.event_id_b = never_linked.event_id_b
    group by candidates.event_id_a, candidates.event_id_b

),

-- the person victims of each linked record (rule 3)
person_victim_counts as (

    select
        register_victims.event_id,
        count(*) filter (where register_victims.victim_type = 'person') as person_victim_count
    from {{ ref('int_register__incident_victims') }} as register_victims
    where
        register_victims.event_id in (
            select links.event_id_a from links
            union
            select links.event_id_b from links
        )
    group by register_victims.event_id

),

-- rule 3: the kind of each link, from the person victims of its two records
counted_links as (

    select
        links.*,
        coalesce(victims_a.person_victim_count, 0) as person_victim_count_a,
        coalesce(victims_b.person_victim_count, 0) as person_victim_count_b

    from links
    left join person_victim_counts as victims_a
        on links.event_id_a = victims_a.event_id
    left join person_victim_counts as victims_b
        on links.event_id_b = victims_b.event_id

),

final as (

    select
        counted_links.event_id_a,
        counted_links.event_id_b,
        counted_links.link_basis,
        case
            when (counted_links.person_victim_count_a > 1) != (counted_links.person_victim_count_b > 1) then 'part_of'
            else 'same_event'
        end as link_kind,
        case
            when counted_links.person_victim_count_a > 1 and counted_links.person_victim_count_b <= 1
                then counted_links.event_id_a
            when counted_links.person_victim_count_b > 1 and counted_links.person_victim_count_a <= 1
                then counted_links.event_id_b
        end as whole_event_id,
        counted_links.event_id_a || ' has ' || counted_links.person_victim_count_a || ' person victim(s), '
        || counted_links.event_id_b || ' has ' || counted_links.person_victim_count_b as link_kind_basis

    from counted_links

)

select * from final
