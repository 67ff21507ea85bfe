with

source as (

    select * from {{ ref('ref_name_gender_exceptions') }}

),

renamed as (

    select
        nullif(trim(source.country_code), '') as country_code,
        nullif(trim(source.victim_name), '') as victim_name,
        nullif(trim(source.gender), '') as gender,
        nullif(trim(source.reason), '') as reason

    from source

)

select * from renamed
