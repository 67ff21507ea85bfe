-- The terms of the vocabularies of sex, legal proceedings and assessments, with label and
-- definition as the seeds word them (see int_vocabulary_terms__incidents).
{{ vocabulary_terms([
    {'vocabulary': 'sex', 'model': 'vocab_sexes', 'code': 'sex_code', 'label': 'sex_name',
        'rule': "'SDG 16.10.1 sex: ' || replace(sdg_sex, '_', ' ')"},
    {'vocabulary': 'sex_basis', 'model': 'vocab_sex_bases', 'code': 'sex_basis_code', 'label': 'sex_basis_name'},
    {'vocabulary': 'legal_stage', 'model': 'vocab_legal_stages', 'code': 'stage_code', 'label': 'stage_name',
        'rule': "'outcome: ' || replace(outcome_group, '_', ' ')"},
    {'vocabulary': 'procedure_type', 'model': 'vocab_procedure_types', 'code': 'procedure_type', 'label': 'procedure_name'},
    {'vocabulary': 'article_role', 'model': 'vocab_article_roles', 'code': 'role_toward_journalists', 'label': 'role_name'},
    {'vocabulary': 'assessment_status', 'model': 'vocab_assessment_statuses', 'code': 'assessment_status', 'label': 'status_name'},
]) }}
