with

source as (

    select * from {{ ref('vocab_incident_categories') }}

),

renamed as (

    select
        nullif(trim(source.category_code), '') as category_code,
        nullif(trim(source.category_name), '') as category_name,
        nullif(trim(source.category_group), '') as category_group,
        source.is_deprivation_of_liberty,
        source.is_physical,
        nullif(trim(source.description), '') as description,
        nullif(trim(source.not_counted), '') as not_counted,
        nullif(trim(source.basis), '') as basis

    from source

)

select * from renamed
