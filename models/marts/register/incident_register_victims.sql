-- Each incident victim (fct_incident_victims) with its confidentiality and that of its incident's
-- perpetrator, by the one rule:
-- the strictest level (vocab_confidentiality_levels.level_rank) among the rules that match the row
-- (ref_confidentiality_rules) and the decisions the source makes (ref_confidentiality_decisions);
-- public when none applies. A victim's decision applies to every record of that person
-- (victim_key), so a withheld name is withheld everywhere. The basis says which rule or decision.
-- A table built by load batch: a row carries the newest batch among its victim row and the person
-- (dim_victims: a person seen again changes what the register shows of each of their records, the
-- SDG 16.10.1 decision among them), and an append decides the rows whose batch is new; an older row
-- keeps its level, since the rules and decisions are seeds, which an append does not change.
-- Each CTE over a large relation is read once: DuckDB materializes a CTE read twice, every column
-- of every row, which an append cannot afford.
with

-- the victim rows this run (re)builds: all, or in an append those of a newer batch and those whose
-- person (dim_victims) carries one (on Spark the partitions they fall in)
all_victims as (

    {% if is_incremental() %}
        select * from {{ newer_batch_rows(ref('fct_incident_victims'), 'victim_rows', [
            {'column': 'victim_key', 'from': ref('dim_victims')},
        ]) }}
    {% else %}
        select * from {{ ref('fct_incident_victims') }}
    {% endif %}

),

persons as (

    select * from {{ ref('dim_victims') }}

),

-- each row with the newest batch among it and its person
victims as (

    select
        {{ star_except('all_victims', ['load_batch_id']) }},
        greatest(all_victims.load_batch_id, coalesce(persons.load_batch_id, all_victims.load_batch_id))
            as load_batch_id

    from all_victims
    left join persons
        on all_victims.victim_key = persons.victim_key

),

rules as (

    select * from {{ ref('ref_confidentiality_rules') }}

),

decisions as (

    select * from {{ ref('ref_confidentiality_decisions') }}

),

levels as (

    select * from {{ ref('vocab_confidentiality_levels') }}

),

-- every rule or decision that applies to a row, with its subject
applicable as (

    select
        victims.incident_victim_id,
        rules.subject,
        rules.confidentiality_level,
        'rule ' || rules.rule_id || ': ' || rules.match_field || ' = ' || rules.match_value as basis

    from victims
    inner join rules
        on
            (rules.match_field = 'role_code' and victims.role_code = rules.match_value)
            or (rules.match_field = 'victim_type' and victims.victim_type = rules.match_value)
            or (rules.match_field = 'perpetrator_type_code' and victims.perpetrator_type_code = rules.match_value)

    union all

    -- a decision on a victim covers every record of the same person; on a perpetrator, its row
    select
        victims.incident_victim_id,
        decisions.subject,
        decisions.confidentiality_level,
        'decision: ' || decisions.reason as basis

    from decisions
    inner join {{ ref('fct_incident_victims') }} as decided
        on decisions.incident_victim_id = decided.incident_victim_id
    inner join victims
        on
            (decisions.subject = 'victim' and decided.victim_key = victims.victim_key)
            or (decisions.subject = 'perpetrator' and decided.incident_victim_id = victims.incident_victim_id)

),

strictest as (

    select
        applicable.incident_victim_id,
        applicable.subject,
        max_by(applicable.confidentiality_level, levels.level_rank) as confidentiality_level,
        {{ dbt.listagg('applicable.basis', "'; '", 'order by applicable.basis') }} as confidentiality_basis

    from applicable
    inner join levels
        on applicable.confidentiality_level = levels.confidentiality_level
    group by applicable.incident_victim_id, applicable.subject

),

final as (

    select
        victims.*,
        coalesce(victim_level.confidentiality_level, 'public') as victim_confidentiality,
        victim_level.confidentiality_basis as victim_confidentiality_basis,
        coalesce(perpetrator_level.confidentiality_level, 'public') as perpetrator_confidentiality,
        perpetrator_level.confidentiality_basis as perpetrator_confidentiality_basis

    from victims
    left join strictest as victim_level
        on
            victims.incident_victim_id = victim_level.incident_victim_id
            and victim_level.subject = 'victim'
    left join strictest as perpetrator_level
        on
            victims.incident_victim_id = perpetrator_level.incident_victim_id
            and perpetrator_level.subject = 'perpetrator'

)

select * from final  -- noqa: AM04
