-- The indicator catalogue as the reports show it (ids, names, unit, which way is
-- better), in report order.
select indicator_id, name_ru, name_en, unit, direction
from mart.indicator
order by sort_order, indicator_id
