-- The catalogued indicators, in report order, with their unit and source: the refresh
-- runs sql/indicators/<indicator_id>.sql (and its versions) for each of them; an
-- incremental one skips the cells whose enrolments did not change for an indicator
-- whose source is 'enrolments'.
select indicator_id, unit, source
from dw.indicator
order by sort_order, indicator_id
