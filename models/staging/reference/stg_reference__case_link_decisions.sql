with

source as (

    select * from {{ ref('ref_case_link_decisions') }}

),

renamed as (

    select
        nullif(trim(source.event_id_a), '') as event_id_a,
        nullif(trim(source.event_id_b), '') as event_id_b,
        nullif(trim(source.decision), '') as decision,
        nullif(trim(source.reason), '') as reason

    from source

)

select * from renamed
