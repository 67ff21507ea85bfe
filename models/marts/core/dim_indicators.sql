with

indicators as (

    select * from {{ ref('jsi_indicators') }}

),

sub_indicators as (

    select * from {{ ref('jsi_sub_indicators') }}

),

sub_indicator_counts as (

    select
        sub_indicators.indicator_code,
        count(*) as sub_indicator_count,
        {{ dbt.listagg('sub_indicators.sub_indicator_title', "' | '", 'order by sub_indicators.sub_indicator_number') }} as sub_indicator_titles

    from sub_indicators
    group by sub_indicators.indicator_code

),

final as (

    select
        indicators.indicator_code,
        indicators.category_code,
        indicators.category_title,
        indicators.indicator_number,
        indicators.indicator_title,
        coalesce(sub_indicator_counts.sub_indicator_count, 0) as sub_indicator_count,
        sub_indicator_counts.sub_indicator_titles,
        indicators.source_section,
        indicators.source_locator

    from indicators
    left join sub_indicator_counts
        on indicators.indicator_code = sub_indicator_counts.indicator_code

)

select * from final
