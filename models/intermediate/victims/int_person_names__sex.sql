-- The name-convention rule for a person's sex, the one place it is decided: one row per named
-- person (country and canonical name) of the register, with the sex their name tells and the
-- convention that told it. An exception (ref_name_sex_exceptions) overrides the rule; otherwise
-- an unambiguous given name (first word) and the longest matching surname ending (last word)
-- decide, and when they disagree the sex stays unknown. Facts use it only where the source
-- neither states the sex nor uses a pronoun (decided once in int_victim_appearances).
with

incident_victims as (

    select * from {{ ref('int_register__incident_victims') }}

),

legal_actions as (

    select * from {{ ref('int_register__legal_actions') }}

),

victim_roles as (

    select * from {{ ref('vocab_victim_roles') }}

),

conventions as (

    select * from {{ ref('ref_name_sex_conventions') }}

),

exceptions as (

    select * from {{ ref('ref_name_sex_exceptions') }}

),

-- every named person's appearance, with its load batch
named_rows as (

    select
        incident_victims.country_code,
        incident_victims.victim_name,
        incident_victims.load_batch_id
    from incident_victims
    where incident_victims.victim_type = 'person' and incident_victims.victim_name is not null

    union all

    select
        legal_actions.country_code,
        legal_actions.victim_name,
        legal_actions.load_batch_id
    from legal_actions
    inner join victim_roles
        on legal_actions.victim_role_code = victim_roles.role_code
    where victim_roles.default_victim_type = 'person' and legal_actions.victim_name is not null

),

-- each name once, with the first load batch that names it. An append decides only the names its
-- new batches bring: a name the table holds keeps its row, since the rule reads nothing but the
-- name and the seeds, which an append does not change (on Spark, whole countries are decided
-- again; macros/incremental_scope.sql)
named_persons as (

    {{ first_appearances('named_rows', ['country_code', 'victim_name']) }}

),

name_parts as (

    select
        named_persons.country_code,
        named_persons.victim_name,
        lower(regexp_extract(named_persons.victim_name, '^([^ ]+)', 1)) as given_name,
        lower(regexp_extract(named_persons.victim_name, '([^ ]+)$', 1)) as surname,
        named_persons.victim_name like '% %' as has_several_words,
        named_persons.load_batch_id

    from named_persons

),

by_given_name as (

    select
        name_parts.country_code,
        name_parts.victim_name,
        conventions.sex,
        conventions.pattern

    from name_parts
    inner join conventions
        on
            name_parts.country_code = conventions.country_code
            and conventions.name_part = 'given_name'
            and conventions.match_type = 'exact'
            and name_parts.given_name = conventions.pattern
    where name_parts.has_several_words

),

by_surname as (

    select
        name_parts.country_code,
        name_parts.victim_name,
        conventions.sex,
        conventions.pattern

    from name_parts
    inner join conventions
        on
            name_parts.country_code = conventions.country_code
            and conventions.name_part = 'surname'
            and conventions.match_type = 'suffix'
            and name_parts.surname like '%' || conventions.pattern
            and length(name_parts.surname) > length(conventions.pattern)
    where name_parts.has_several_words
    qualify row_number() over (
        partition by name_parts.country_code, name_parts.victim_name
        order by length(conventions.pattern) desc
    ) = 1

),

matched as (

    select
        name_parts.country_code,
        name_parts.victim_name,
        exceptions.sex as exception_sex,
        exceptions.reason as exception_reason,
        by_given_name.sex as given_name_sex,
        by_given_name.pattern as given_name,
        by_surname.sex as surname_sex,
        by_surname.pattern as surname_ending,
        coalesce(by_given_name.sex != by_surname.sex, false) as is_contradictory,
        name_parts.load_batch_id

    from name_parts
    left join exceptions
        on
            name_parts.country_code = exceptions.country_code
            and name_parts.victim_name = exceptions.victim_name
    left join by_given_name
        on
            name_parts.country_code = by_given_name.country_code
            and name_parts.victim_name = by_given_name.victim_name
    left join by_surname
        on
            name_parts.country_code = by_surname.country_code
            and name_parts.victim_name = by_surname.victim_name

),

final as (

    select
        matched.country_code,
        matched.victim_name,
        case
            when matched.exception_sex is not null then matched.exception_sex
            when matched.is_contradictory then 'unknown'
            else coalesce(matched.given_name_sex, matched.surname_sex, 'unknown')
        end as inferred_sex,
        case
            when matched.exception_sex is not null then 'exception: ' || matched.exception_reason
            when matched.is_contradictory
                then 'given name ' || matched.given_name || ' and surname ending -' || matched.surname_ending || ' disagree'
            else coalesce(
                nullif(concat_ws(
                    ' and ',
                    'given name ' || matched.given_name,
                    'surname ending -' || matched.surname_ending
                ), ''),
                'no convention matches'
            )
        end as name_rule,
        matched.load_batch_id

    from matched

)

select * from final
