-- Every term of every vocabulary: code, label and definition, as the seeds word them. The
-- methodology page and every label shown beside a code come from here, so they cannot drift from
-- the seeds.
with

incident_terms as (

    select * from {{ ref('int_vocabulary_terms__incidents') }}

),

legal_terms as (

    select * from {{ ref('int_vocabulary_terms__legal') }}

),

outcome_terms as (

    select * from {{ ref('int_vocabulary_terms__outcomes') }}

),

final as (

    select * from incident_terms
    union all
    select * from legal_terms
    union all
    select * from outcome_terms

)

select
    final.vocabulary,
    final.term_code,
    final.term_label,
    final.term_definition,
    final.term_rule
from final
