-- The academic years an indicator with a window of $1 years recomputes (1 or 3): the
-- years of the cells in mart_scope it needs, oldest first.
select distinct s.academic_year_key
from mart_scope as s
where s.window_years <= $1::integer
order by s.academic_year_key
