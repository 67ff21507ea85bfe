with

source as (

    select * from {{ ref('xwalk_cpj__country') }}

),

renamed as (

    select
        nullif(trim(source.cpj_country), '') as cpj_country,
        nullif(trim(source.country_code), '') as country_code,
        nullif(trim(source.basis), '') as basis,
        {{ label_key('source.cpj_country') }} as label_key

    from source

)

select * from renamed
