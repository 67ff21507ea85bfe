with

articles as (

    select * from {{ ref('stg_assessment__legal_articles') }}

),

status_changes as (

    select * from {{ ref('stg_assessment__legal_article_status_changes') }}

),

change_summary as (

    select
        status_changes.legal_article_id,
        count(*) as status_change_count,
        max_by(status_changes.change_type, status_changes.change_date) as last_change_type,
        max(status_changes.change_date) as last_change_date,
        min(status_changes.change_date) filter (
            where status_changes.change_type in ('decriminalised', 'repealed')
        ) as ceased_date

    from status_changes
    group by status_changes.legal_article_id

),

final as (

    select
        {{ surrogate_key(['articles.country_code', 'articles.legal_article_id']) }} as legal_article_key,
        articles.legal_article_id,
        articles.country_code,
        articles.period_year,
        articles.instrument_code,
        articles.instrument_name,
        articles.article,
        articles.part,
        articles.clause,
        concat_ws(
            ' ',
            articles.instrument_name,
            'art. ' || articles.article,
            'part ' || articles.part,
            'clause ' || articles.clause
        ) as article_label,
        articles.title,
        articles.role_toward_journalists,
        articles.penalty_text,
        articles.adoption_date,
        articles.adoption_date_precision,
        coalesce(change_summary.status_change_count, 0) as status_change_count,
        change_summary.last_change_type,
        change_summary.last_change_date,
        change_summary.ceased_date,
        (
            change_summary.ceased_date is null
            or change_summary.ceased_date > make_date(articles.period_year, 12, 31)
        ) as is_in_force_at_period_end,
        articles.notes,
        articles.source_section,
        articles.source_locator

    from articles
    left join change_summary
        on articles.legal_article_id = change_summary.legal_article_id

)

select * from final
