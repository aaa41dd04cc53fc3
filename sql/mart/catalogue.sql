-- The catalogued indicators, in report order: the refresh runs
-- sql/indicators/<indicator_id>.sql for each of them.
select indicator_id
from dw.indicator
order by sort_order, indicator_id
