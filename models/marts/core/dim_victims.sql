-- One row per victim (person, outlet or organisation) across incidents, legal actions and
-- periods: the role they appear in most often (ties by code), their sex from the strongest evidence
-- among their appearances (stated > pronoun > name convention; unknown when that evidence
-- disagrees), the outlet named most often with them, the report's victim group of the main role,
-- and ONE SDG 16.10.1 victim group per person: the group of highest precedence among the groups of
-- their appearances (int_victim_appearances decides each), so a person counts in one group.
-- A person linked across sources (int_person_groups) may be spelled, or filed under a country,
-- differently by each source: the name and the country are those of most of their appearances
-- (ties by the smaller value), so every engine gives the same.
with

all_appearances as (

    select * from {{ ref('int_victim_appearances') }}

),

role_to_victim_group as (

    select * from {{ ref('xwalk_role_to_victim_group') }}

),

sex_bases as (

    select * from {{ ref('vocab_sex_bases') }}

),

victim_groups as (

    select * from {{ ref('ref_sdg_victim_groups') }}

),

-- the victims this run (re)builds: all of them, or in an incremental run every victim with an
-- appearance in a new load batch, rolled up again over all their appearances (the filter reads
-- the relation, not the CTE above: a CTE read twice is materialized whole)
appearances as (

    select all_appearances.*
    from all_appearances
    {%- if is_incremental() %}
        where {{ rows_of_newer_batches('all_appearances', [{'column': 'victim_key', 'from': ref('int_victim_appearances')}], own_batch=false) }}
    {%- endif %}

),

-- the role the victim appears in most often (ties by code)
main_role as (

    {{ most_frequent_value('appearances', 'victim_key', 'role_code') }}

),

-- every role the victim appears in, once
roles as (

    select distinct
        appearances.victim_key,
        appearances.role_code

    from appearances

),

roles_reported as (

    select
        roles.victim_key,
        {{ dbt.listagg('roles.role_code', "';'", 'order by roles.role_code') }} as roles_reported

    from roles
    group by roles.victim_key

),

-- the outlet named most often with the victim (ties by name)
main_outlet as (

    {{ most_frequent_value('appearances', 'victim_key', 'outlet_name', ignore_nulls=true) }}

),

-- the name and the country of most of the victim's appearances (ties by the smaller value)
main_name as (

    {{ most_frequent_value('appearances', 'victim_key', 'victim_name') }}

),

main_country as (

    {{ most_frequent_value('appearances', 'victim_key', 'country_code') }}

),

-- one SDG 16.10.1 victim group per person: the highest precedence among their appearances
person_group as (

    select
        appearances.victim_key,
        min_by(appearances.sdg_victim_group, victim_groups.group_precedence) as sdg_victim_group,
        -- of that group, the coded basis before the role's default (a tie-break, so every engine
        -- gives the same basis)
        min_by(
            appearances.sdg_victim_group_basis,
            victim_groups.group_precedence * 2 + case when appearances.sdg_victim_group_basis = 'coded' then 0 else 1 end
        ) as sdg_victim_group_basis

    from appearances
    inner join victim_groups
        on appearances.sdg_victim_group = victim_groups.sdg_victim_group
    group by appearances.victim_key

),

-- appearances that tell the sex, with the strength of their evidence
sex_evidence as (

    select
        appearances.victim_key,
        appearances.sex,
        appearances.sex_basis,
        sex_bases.basis_rank,
        min(sex_bases.basis_rank) over (partition by appearances.victim_key) as best_rank

    from appearances
    inner join sex_bases
        on appearances.sex_basis = sex_bases.sex_basis_code
    where appearances.sex in ('female', 'male')

),

person_sex as (

    select
        sex_evidence.victim_key,
        bool_or(sex_evidence.sex = 'female') and bool_or(sex_evidence.sex = 'male') as has_conflicting_sex,
        case
            when bool_and(sex_evidence.sex = 'female') then 'female'
            when bool_and(sex_evidence.sex = 'male') then 'male'
            else 'unknown'
        end as sex,
        case
            when bool_and(sex_evidence.sex = 'female') or bool_and(sex_evidence.sex = 'male')
                then any_value(sex_evidence.sex_basis)
            else 'unknown'
        end as sex_basis

    from sex_evidence
    where sex_evidence.basis_rank = sex_evidence.best_rank
    group by sex_evidence.victim_key

),

victims as (

    select
        appearances.victim_key,
        -- one type per key (macros/keys.sql: the type is part of the key)
        min(appearances.victim_type) as victim_type,
        count(*) filter (where appearances.appearance_type = 'incident') as incident_count,
        count(*) filter (where appearances.appearance_type = 'legal_action') as legal_action_count,
        min(appearances.period_year) as first_period_year,
        max(appearances.period_year) as last_period_year,
        max(appearances.load_batch_id) as load_batch_id

    from appearances
    group by appearances.victim_key

),

final as (

    select
        victims.victim_key,
        main_country.country_code,
        victims.victim_type,
        main_name.victim_name,
        main_role.role_code as main_role_code,
        roles_reported.roles_reported,
        role_to_victim_group.report_victim_group,
        person_group.sdg_victim_group,
        person_group.sdg_victim_group_basis,
        case
            when victims.victim_type != 'person' then 'not_applicable'
            else coalesce(person_sex.sex, 'unknown')
        end as sex,
        case
            when victims.victim_type != 'person' then 'not_applicable'
            else coalesce(person_sex.sex_basis, 'unknown')
        end as sex_basis,
        coalesce(person_sex.has_conflicting_sex, false) as has_conflicting_sex,
        main_outlet.outlet_name,
        victims.incident_count,
        victims.legal_action_count,
        victims.first_period_year,
        victims.last_period_year,
        victims.load_batch_id

    from victims
    inner join main_name
        on victims.victim_key = main_name.victim_key
    inner join main_country
        on victims.victim_key = main_country.victim_key
    inner join main_role
        on victims.victim_key = main_role.victim_key
    inner join roles_reported
        on victims.victim_key = roles_reported.victim_key
    inner join role_to_victim_group
        on main_role.role_code = role_to_victim_group.role_code
    inner join person_group
        on victims.victim_key = person_group.victim_key
    left join main_outlet
        on victims.victim_key = main_outlet.victim_key
    left join person_sex
        on victims.victim_key = person_sex.victim_key

)

select * from final
