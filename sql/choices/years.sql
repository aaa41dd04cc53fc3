-- The academic years with indicator values in the mart, oldest first: what a report's year
-- may be. Reads only mart (what pdmon_reader can read).
select distinct c.academic_year, c.year_start
from mart.city_year_indicator as c
order by c.year_start
