-- The catalogued indicators, in report order, with their unit: the refresh runs
-- sql/indicators/<indicator_id>.sql (and its versions) for each of them.
select indicator_id, unit
from dw.indicator
order by sort_order, indicator_id
