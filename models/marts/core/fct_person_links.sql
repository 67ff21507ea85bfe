-- Person links: one row per pair of person victims of two sources' linked records that are one
-- person (int_person_links decides, with its basis), with the person they are (victim_key, as in
-- dim_victims and fct_incident_victims). SDG 16.10.1 reads these pairs to count a linked person
-- once, under the most serious violation across the linked records (sdg_16_10_1_victims).
with

person_links as (

    select * from {{ ref('int_person_links') }}

),

victims as (

    select * from {{ ref('fct_incident_victims') }}

),

final as (

    select
        victims_a.victim_key,
        person_links.incident_victim_id_a,
        person_links.incident_victim_id_b,
        person_links.event_id_a,
        person_links.event_id_b,
        person_links.person_link_basis,
        person_links.record_link_basis

    from person_links
    inner join victims as victims_a
        on person_links.incident_victim_id_a = victims_a.incident_victim_id
    inner join victims as victims_b
        on person_links.incident_victim_id_b = victims_b.incident_victim_id

)

select * from final
