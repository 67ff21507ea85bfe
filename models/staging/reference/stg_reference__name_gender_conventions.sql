with

source as (

    select * from {{ ref('ref_name_gender_conventions') }}

),

renamed as (

    select
        nullif(trim(source.country_code), '') as country_code,
        nullif(trim(source.name_part), '') as name_part,
        nullif(trim(source.match_type), '') as match_type,
        lower(nullif(trim(source.pattern), '')) as pattern,
        nullif(trim(source.gender), '') as gender,
        nullif(trim(source.basis), '') as basis

    from source

)

select * from renamed
