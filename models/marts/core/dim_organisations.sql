with

organisations as (

    select * from {{ ref('stg_assessment__organisations') }}

),

final as (

    select
        {{ surrogate_key(['organisations.country_code', 'organisations.period_year', 'organisations.organisation_id']) }}
            as organisation_key,
        organisations.organisation_id,
        organisations.country_code,
        organisations.period_year,
        organisations.organisation_name,
        organisations.acronym,
        organisations.organisation_type,
        organisations.jsi_category,
        organisations.city,
        organisations.stated_facts,
        organisations.source_section,
        organisations.source_locator

    from organisations

)

select * from final
