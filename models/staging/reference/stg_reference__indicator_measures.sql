with

source as (

    select * from {{ ref('ref_indicator_measures') }}

),

renamed as (

    select
        nullif(trim(source.indicator_code), '') as indicator_code,
        nullif(trim(source.measure), '') as measure,
        nullif(trim(source.breakdown), '') as breakdown,
        source.is_headline,
        nullif(trim(source.headline_breakdown_value), '') as headline_breakdown_value,
        nullif(trim(source.measure_description), '') as measure_description,
        nullif(trim(source.basis), '') as basis

    from source

)

select * from renamed
