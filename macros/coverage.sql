{#- Per country and period of `incidents` (a relation with country_code, period_year, source_id),
    the sources counted there that cover the year only in part ('; '-separated), as a relation;
    a country-period no such source counts in has no row. The rule of which years a source covers
    in part is int_sources__years_covered_in_part's; this only gathers it, for every mart that
    flags it (sdg_16_10_1_periods, incidents_monthly). -#}
{% macro sources_covering_in_part(incidents) -%}
    (
        select
            period_sources.country_code,
            period_sources.period_year,
            {{ dbt.listagg('years_covered_in_part.source_id', "'; '", 'order by years_covered_in_part.source_id') }}
                as sources_covering_in_part

        from (
            select distinct
                incidents.country_code,
                incidents.period_year,
                incidents.source_id
            from {{ incidents }} as incidents
        ) as period_sources
        inner join {{ ref('int_sources__years_covered_in_part') }} as years_covered_in_part
            on
                period_sources.source_id = years_covered_in_part.source_id
                and period_sources.period_year = years_covered_in_part.period_year
        group by period_sources.country_code, period_sources.period_year
    )
{%- endmacro %}
