-- The terms of the vocabularies of outcomes: of a killing's prosecution, of a crime against a
-- journalist (impunity status, and the kind of impunity-tracker row), and of a published figure
-- against the register; label and definition as the seeds word them (see
-- int_vocabulary_terms__incidents).
{{ vocabulary_terms([
    {'vocabulary': 'impunity_outcome', 'model': 'vocab_impunity_outcomes', 'code': 'impunity_outcome_code', 'label': 'impunity_outcome_name'},
    {'vocabulary': 'impunity_status', 'model': 'vocab_impunity_statuses', 'code': 'impunity_status', 'label': 'impunity_status_name'},
    {'vocabulary': 'case_type', 'model': 'vocab_case_types', 'code': 'case_type', 'label': 'case_type_name'},
    {'vocabulary': 'reconciliation_status', 'model': 'vocab_reconciliation_statuses', 'code': 'reconciliation_status',
        'label': 'reconciliation_status_name'},
]) }}
