-- The terms of the vocabularies that describe an incident and its victims (category, context,
-- perpetrator, verification, arbitrariness, victim role and kind), with label and definition as
-- the seeds word them. vocabulary_terms gathers every vocabulary from here and
-- int_vocabulary_terms__legal.
{{ vocabulary_terms([
    {'vocabulary': 'incident_category', 'model': 'vocab_incident_categories', 'code': 'category_code', 'label': 'category_name'},
    {'vocabulary': 'event_context', 'model': 'vocab_event_contexts', 'code': 'context_code', 'label': 'context_name'},
    {'vocabulary': 'perpetrator_type', 'model': 'vocab_perpetrator_types', 'code': 'perpetrator_type_code', 'label': 'perpetrator_type_name',
        'rule': "'SDG 16.10.1 perpetrator status: ' || replace(sdg_perpetrator_status, '_', '-')"},
    {'vocabulary': 'verification_status', 'model': 'vocab_verification_statuses', 'code': 'verification_status_code', 'label': 'verification_status_name',
        'rule': "case when is_verified then 'counted as verified' else 'not counted as verified' end"},
    {'vocabulary': 'arbitrariness_category', 'model': 'vocab_arbitrariness_categories', 'code': 'arbitrariness_category_code', 'label': 'arbitrariness_category_name',
        'rule': "case when is_arbitrary then 'arbitrary: SDG 16.10.1 type D' else 'not arbitrary: not counted as type D' end"},
    {'vocabulary': 'victim_role', 'model': 'vocab_victim_roles', 'code': 'role_code', 'label': 'role_name',
        'rule': "case when is_media_worker then 'journalist or media worker' else 'not a media worker' end"},
    {'vocabulary': 'victim_type', 'model': 'vocab_victim_types', 'code': 'victim_type_code', 'label': 'victim_type_name'},
]) }}
