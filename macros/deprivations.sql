{#- Which WGAD category wins when several are stated for one deprivation of liberty (the charges
    of one census observation, split from a list; the observations of one deprivation): the most
    specific stated ground. A charge that names the exercise of a right (category II: defamation,
    false news, an insult, a censorship rule) states the ground itself; a grave breach of a fair
    trial (III) and a detention with no legal basis invoked (I: no charge, or none disclosed) come
    next; the monitor's own classification without a category after them; not_established (and
    anything else) last. An integer, lowest first: the one written rule, read by every model that
    picks one category among several (a monitor's charge mapping, int_deprivations_of_liberty). -#}
{% macro arbitrariness_precedence(category_code) -%}
    case {{ category_code }}
        when 'wgad_ii_exercise_of_rights' then 1
        when 'wgad_iii_fair_trial' then 2
        when 'wgad_i_no_legal_basis' then 3
        when 'monitor_classified_arbitrary' then 4
        else 9
    end
{%- endmacro %}
