-- For each monitor export, the records loaded plus the records quarantined equal the records
-- staged from the file (one per record): nothing is dropped on the way. Returns one row per
-- source where the sums differ.
with

cpj_staged as (

    select count(*) as records from {{ ref('stg_cpj__killed_journalists') }}

),

cpj_loaded as (

    select count(*) as records from {{ ref('int_cpj__killings') }}

),

a19_staged as (

    select count(*) as records from {{ ref('stg_article19_mx__aggressions') }}

),

a19_loaded as (

    select count(*) as records from {{ ref('int_article19_mx__aggressions') }}

),

rejected as (

    select
        source_id,
        count(*) as records
    from {{ ref('rejected_source_records') }}
    group by source_id

),

compared as (

    select
        'cpj_killed_1992_2022' as source_id,
        cpj_staged.records as staged,
        cpj_loaded.records as loaded
    from cpj_staged cross join cpj_loaded

    union all

    select
        'article19_mx_2012_2016' as source_id,
        a19_staged.records as staged,
        a19_loaded.records as loaded
    from a19_staged cross join a19_loaded

),

final as (

    select
        compared.source_id,
        compared.staged,
        compared.loaded,
        coalesce(rejected.records, 0) as rejected

    from compared
    left join rejected
        on compared.source_id = rejected.source_id
    where compared.loaded + coalesce(rejected.records, 0) != compared.staged

)

select * from final
