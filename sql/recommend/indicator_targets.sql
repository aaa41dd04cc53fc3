-- The programme's targets up to academic year $1 (its start year, integer), for the city
-- (school_code null) and for schools, from mart.indicator_target: a rule's condition on an
-- indicator's value uses the target of the year as its threshold. target_value is text in
-- '.' notation (one decimal); source is the document with its date.
select t.indicator_id,
       t.year_start,
       t.school_code,
       t.target_value::text as target_value,
       t.source_document || coalesce(' (' || to_char(t.source_date, 'DD.MM.YYYY') || ')', '') as source
from mart.indicator_target as t
where t.year_start <= $1::integer
order by t.indicator_id, t.year_start, t.school_code nulls first
