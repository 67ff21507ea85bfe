-- One row per deprivation of liberty of a person (doc block deprivation_rule, decided in
-- int_deprivations_of_liberty): the first and last census that observe the person in custody,
-- how many do, and its start, which a census does not state (kept unknown, never the first
-- census date). Its WGAD category is the most specific stated ground among its observations
-- (arbitrariness_precedence, macros/deprivations.sql; doc block wgad_precedence_rule), then the
-- latest observation's; its name, outlet and sentence are the latest observation's. The person
-- of the warehouse's records it is, where one is (int_custody_person_links decides, with its basis).
with

observations as (

    select * from {{ ref('int_deprivations_of_liberty') }}

),

person_links as (

    select * from {{ ref('int_custody_person_links') }}

),

ranked as (

    select
        observations.*,
        row_number() over (
            partition by observations.deprivation_id
            order by
                {{ arbitrariness_precedence('observations.arbitrariness_category_code') }} asc,
                observations.census_year desc,
                observations.source_id asc,
                observations.source_row_number asc
        ) as category_rank,
        row_number() over (
            partition by observations.deprivation_id
            order by observations.census_year desc, observations.source_id asc, observations.source_row_number asc
        ) as recency_rank

    from observations

),

spans as (

    select
        ranked.deprivation_id,
        min(ranked.census_year) as first_census_year,
        max(ranked.census_year) as last_census_year,
        min(ranked.census_date) as first_census_date,
        max(ranked.census_date) as last_census_date,
        count(distinct ranked.census_year) as censuses_observed,
        count(*) as observations

    from ranked
    group by ranked.deprivation_id

),

final as (

    select
        latest.deprivation_id,
        latest.person_key,
        latest.person_name,
        latest.country_code,
        latest.monitor_id,
        latest.source_id,
        latest.role_code,
        latest.sex,
        latest.sex_basis,
        latest.outlet_name,
        spans.first_census_year,
        spans.last_census_year,
        spans.first_census_date,
        spans.last_census_date,
        cast(spans.censuses_observed as {{ dbt.type_int() }}) as censuses_observed,
        cast(spans.observations as {{ dbt.type_int() }}) as observations,
        latest.deprivation_start_date,
        latest.deprivation_start_basis,
        category.arbitrariness_category_code,
        concat(
            category.arbitrariness_basis, ' (census ', cast(category.census_year as {{ dbt.type_string() }}), ')'
        ) as arbitrariness_basis,
        latest.sentence_as_reported as last_sentence_as_reported,
        latest.place_of_detention as last_place_of_detention,
        person_links.victim_key,
        case when person_links.victim_key is not null then person_links.person_link_basis end as person_link_basis

    from spans
    inner join ranked as latest
        on spans.deprivation_id = latest.deprivation_id and latest.recency_rank = 1
    inner join ranked as category
        on spans.deprivation_id = category.deprivation_id and category.category_rank = 1
    left join person_links
        on spans.deprivation_id = person_links.deprivation_id

)

select * from final
