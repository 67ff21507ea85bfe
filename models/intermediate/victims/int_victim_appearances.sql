-- Every appearance of a person or outlet as a victim: in an incident or as the party of a legal
-- action. victim_key identifies the person or outlet across incidents, legal actions, periods and
-- sources: within a source by country, kind and identity (source_victim_key; an unnamed victim is
-- its own row), across sources by int_person_groups (persons that linked records show to be
-- one). The sex of each appearance and its basis are decided here, once, by one precedence rule
-- that every fact reads:
--   1. not a person (outlet, organisation, group): not_applicable;
--   2. the source states it or uses a pronoun (the row's sex and sex_basis);
--   3. the name-convention rule (int_person_names__sex), basis name_convention;
--   4. otherwise unknown.
-- The SDG 16.10.1 victim group of each appearance is decided here too: the double-coded group of
-- an assessment's victim where the report's words were coded (int_sdg_codings__resolved, basis
-- coded), otherwise the default group of the role (xwalk_role_to_victim_group, basis role).
-- dim_victims rolls the appearances up to one group per person.
-- A table built by load batch, read by the facts, dim_victims and its tests: an append decides the
-- appearances of its new batches, and again every appearance of a person that records of several
-- sources link (int_person_groups: a new link may give them another victim_key). An appearance's
-- sex and group follow from its own row, the names' table (a name's sex is decided once) and the
-- seeds, which an append does not change.
with

-- the inputs this run decides: all, or in an append those macro victim_appearances_to_build names
-- (on Spark the partitions they fall in)
incident_victims as (

    select all_incident_victims.*
    from {{ victim_appearances_to_build(ref('int_register__incident_victims'), 'incident_victim_id', 'incident') }} as all_incident_victims

),

legal_actions as (

    select all_legal_actions.*
    from {{ victim_appearances_to_build(ref('int_register__legal_actions'), 'legal_action_id', 'legal_action') }} as all_legal_actions

),

victim_roles as (

    select * from {{ ref('vocab_victim_roles') }}

),

person_names as (

    select * from {{ ref('int_person_names__sex') }}

),

role_to_victim_group as (

    select * from {{ ref('xwalk_role_to_victim_group') }}

),

-- one person across sources (int_person_groups: the persons that records of several sources link)
person_groups as (

    select * from {{ ref('int_person_groups') }}

),

coded_groups as (

    select * from {{ ref('int_sdg_codings__resolved') }}
    where field = 'victim_group'

),

from_incidents as (

    select
        incident_victims.country_code,
        incident_victims.period_year,
        'incident' as appearance_type,
        incident_victims.incident_victim_id as appearance_id,
        incident_victims.victim_type,
        incident_victims.victim_name,
        incident_victims.victim_identity,
        incident_victims.role_code,
        incident_victims.sex,
        incident_victims.sex_basis,
        incident_victims.outlet_name,
        incident_victims.load_batch_id

    from incident_victims

),

from_legal_actions as (

    select
        legal_actions.country_code,
        legal_actions.period_year,
        'legal_action' as appearance_type,
        legal_actions.legal_action_id as appearance_id,
        victim_roles.default_victim_type as victim_type,
        legal_actions.victim_name,
        legal_actions.victim_identity,
        legal_actions.victim_role_code as role_code,
        legal_actions.victim_sex as sex,
        legal_actions.victim_sex_basis as sex_basis,
        legal_actions.outlet_name,
        legal_actions.load_batch_id

    from legal_actions
    inner join victim_roles
        on legal_actions.victim_role_code = victim_roles.role_code

),

unioned as (

    select * from from_incidents
    union all
    select * from from_legal_actions

),

with_outlet as (

    select
        {{ star_except('unioned', ['sex', 'sex_basis']) }},
        case
            when unioned.victim_type != 'person' then 'not_applicable'
            when unioned.sex in ('female', 'male') then unioned.sex
            when person_names.inferred_sex in ('female', 'male') then person_names.inferred_sex
            else 'unknown'
        end as sex,
        case
            when unioned.victim_type != 'person' then 'not_applicable'
            when unioned.sex in ('female', 'male') then unioned.sex_basis
            when person_names.inferred_sex in ('female', 'male') then 'name_convention'
            else 'unknown'
        end as sex_basis,
        {{ affected_outlet_name('unioned.outlet_name', 'unioned.victim_type', 'unioned.victim_name') }}
            as affected_outlet_name,
        coalesce(coded_groups.resolved_value, role_to_victim_group.sdg_victim_group) as sdg_victim_group,
        case when coded_groups.resolved_value is not null then 'coded' else 'role' end as sdg_victim_group_basis

    from unioned
    inner join role_to_victim_group
        on unioned.role_code = role_to_victim_group.role_code
    left join person_names
        on
            unioned.country_code = person_names.country_code
            and unioned.victim_name = person_names.victim_name
            and unioned.victim_type = 'person'
    left join coded_groups
        on
            unioned.country_code = coded_groups.country_code
            and unioned.period_year = coded_groups.period_year
            and unioned.appearance_id = coded_groups.unit_id
            and unioned.appearance_type = 'incident'

),

keyed as (

    select
        {{ victim_key('with_outlet.country_code', 'with_outlet.victim_type', 'with_outlet.victim_identity', 'with_outlet.appearance_id') }}
            as source_victim_key,
        with_outlet.*

    from with_outlet

),

final as (

    select
        coalesce(person_groups.victim_key, keyed.source_victim_key) as victim_key,
        keyed.*

    from keyed
    left join person_groups
        on keyed.source_victim_key = person_groups.source_victim_key

)

select * from final
