-- One row per observation of a person in custody on a census date (every monitor's state
-- observations that load: int_deprivations_of_liberty), with the deprivation of liberty it
-- belongs to (doc block deprivation_rule). Observations are not incidents: they never enter
-- the register or the SDG 16.10.1 counts; persons in custody per census are counted in
-- marts.persons_in_custody_by_census.
with

observations as (

    select * from {{ ref('int_deprivations_of_liberty') }}

),

final as (

    select
        observations.observation_id,
        observations.deprivation_id,
        observations.monitor_id,
        observations.source_id,
        observations.source_row_number,
        observations.source_record_locator,
        observations.person_key,
        observations.person_name,
        observations.country_code,
        observations.census_year,
        observations.census_date,
        observations.census_date_basis,
        observations.role_code,
        observations.sex,
        observations.sex_basis,
        observations.outlet_name,
        observations.outlet_name_as_reported,
        observations.jobs_as_reported,
        observations.charges_as_reported,
        observations.charge_labels,
        observations.arbitrariness_category_code,
        observations.arbitrariness_basis,
        observations.sentence_as_reported,
        observations.length_of_sentence_as_reported,
        observations.place_of_detention

    from observations

)

select * from final
