-- Every indicator value up to academic year $1 (its start year, integer), for the city and
-- for every school, from the mart views: the current and previous year feed the rules, all
-- years feed the charts. value is text in '.' notation (one decimal), null for a zero
-- denominator.
select 'city'::text as grain,
       null::text as school_code,
       null::text as school_name,
       c.year_start,
       c.academic_year,
       c.indicator_id,
       c.numerator,
       c.denominator,
       c.value::text as value
from mart.city_year_indicator as c
where c.year_start <= $1::integer
union all
select 'school'::text,
       s.school_code,
       s.school_name,
       s.year_start,
       s.academic_year,
       s.indicator_id,
       s.numerator,
       s.denominator,
       s.value::text
from mart.school_year_indicator as s
where s.year_start <= $1::integer
order by 1, 2, 4, 6
