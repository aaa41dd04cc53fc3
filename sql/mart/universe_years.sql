-- Every academic year with census or enrolment data (a full refresh computes them all).
select distinct u.academic_year_key
from mart_universe as u
order by u.academic_year_key
