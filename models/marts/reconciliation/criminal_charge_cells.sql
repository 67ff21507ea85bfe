-- Criminal charges by table row of the report (article or group of articles) and victim group:
-- the published cell and the count of itemized charges (fct_legal_actions.is_itemized_criminal_charge,
-- the one definition); a charge whose article the report does not name is the row 'not_stated'.
with

statistics as (

    select * from {{ ref('fct_reported_statistics') }}

),

legal_actions as (

    select * from {{ ref('fct_legal_actions') }}

),

articles as (

    select * from {{ ref('dim_legal_articles') }}

),

report_victim_groups as (

    select * from {{ ref('ref_report_victim_groups') }}

),

person_groups as (

    select * from report_victim_groups
    where report_victim_groups.is_person_group

),

reported as (

    select
        statistics.country_code,
        statistics.period_year,
        statistics.article as article_row,
        statistics.victim_group as report_victim_group,
        statistics.figure_value as reported_charges,
        statistics.figure_id

    from statistics
    where
        statistics.metric = 'criminal_charges'
        and statistics.table_name is not null
        and statistics.article is not null
        and statistics.victim_group is not null

),

table_rows as (

    select distinct
        reported.country_code,
        reported.period_year,
        reported.article_row,
        {{ split_to_values("replace(reported.article_row, 'CC-', '')", '/') }} as article_number

    from reported

),

itemized_charges as (

    select
        legal_actions.country_code,
        legal_actions.period_year,
        case when articles.instrument_code = 'criminal_code' then articles.article end as article_number,
        articles.legal_article_id as named_article_id,
        legal_actions.report_victim_group

    from legal_actions
    left join articles
        on legal_actions.legal_article_id = articles.legal_article_id
    where legal_actions.is_itemized_criminal_charge

),

itemized as (

    select
        itemized_charges.country_code,
        itemized_charges.period_year,
        coalesce(
            table_rows.article_row,
            'CC-' || itemized_charges.article_number,
            itemized_charges.named_article_id,
            'not_stated'
        ) as article_row,
        itemized_charges.report_victim_group,
        count(*) as itemized_charges

    from itemized_charges
    left join table_rows
        on
            itemized_charges.country_code = table_rows.country_code
            and itemized_charges.period_year = table_rows.period_year
            and itemized_charges.article_number = table_rows.article_number
    group by all

),

article_rows as (

    select
        reported.country_code,
        reported.period_year,
        reported.article_row
    from reported
    union
    select
        itemized.country_code,
        itemized.period_year,
        itemized.article_row
    from itemized

),

-- the name of each article row: 'Criminal Code art. 130/131' and the titles of its articles, or
-- the article the register names, or 'Article not stated'
article_row_parts as (

    select distinct
        article_rows.country_code,
        article_rows.period_year,
        article_rows.article_row,
        {{ split_to_values("replace(article_rows.article_row, 'CC-', '')", '/') }} as article_number

    from article_rows
    where article_rows.article_row like 'CC-%'

),

article_row_names as (

    select
        article_row_parts.country_code,
        article_row_parts.period_year,
        article_row_parts.article_row,
        'Criminal Code art. ' || replace(article_row_parts.article_row, 'CC-', '')
        || coalesce(': ' || {{ dbt.listagg('articles.title', "'; '", 'order by article_row_parts.article_number') }}, '')
            as article_row_name

    from article_row_parts
    left join articles
        on
            article_row_parts.country_code = articles.country_code
            and article_row_parts.period_year = articles.period_year
            and articles.instrument_code = 'criminal_code'
            and article_row_parts.article_number = articles.article
            and articles.part is null
            and articles.clause is null
    group by article_row_parts.country_code, article_row_parts.period_year, article_row_parts.article_row

    union all

    select distinct
        article_rows.country_code,
        article_rows.period_year,
        article_rows.article_row,
        coalesce(articles.article_label || ': ' || articles.title, 'Article not stated') as article_row_name

    from article_rows
    left join articles
        on article_rows.article_row = articles.legal_article_id
    where article_rows.article_row not like 'CC-%'

),

grid as (

    -- every article row for each group of persons (zero-filled), plus any other group
    -- (e.g. mass media) that the table or the register has a value for
    select
        article_rows.country_code,
        article_rows.period_year,
        article_rows.article_row,
        person_groups.report_victim_group
    from article_rows
    cross join person_groups

    union

    select
        reported.country_code,
        reported.period_year,
        reported.article_row,
        reported.report_victim_group
    from reported

    union

    select
        itemized.country_code,
        itemized.period_year,
        itemized.article_row,
        itemized.report_victim_group
    from itemized

),

final as (

    select
        grid.country_code,
        grid.period_year,
        grid.article_row,
        article_row_names.article_row_name,
        grid.report_victim_group,
        report_victim_groups.report_victim_group_name,
        report_victim_groups.display_order as victim_group_order,
        reported.reported_charges,
        coalesce(itemized.itemized_charges, 0) as itemized_charges,
        coalesce(itemized.itemized_charges, 0) - reported.reported_charges as itemized_minus_reported,
        reported.figure_id

    from grid
    inner join report_victim_groups
        on grid.report_victim_group = report_victim_groups.report_victim_group
    inner join article_row_names
        on
            grid.country_code = article_row_names.country_code
            and grid.period_year = article_row_names.period_year
            and grid.article_row = article_row_names.article_row
    left join reported
        on
            grid.country_code = reported.country_code
            and grid.period_year = reported.period_year
            and grid.article_row = reported.article_row
            and grid.report_victim_group = reported.report_victim_group
    left join itemized
        on
            grid.country_code = itemized.country_code
            and grid.period_year = itemized.period_year
            and grid.article_row = itemized.article_row
            and grid.report_victim_group = itemized.report_victim_group

)

select * from final
