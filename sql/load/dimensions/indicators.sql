-- The catalogued indicators and their units: a targets row must name one of them, and a
-- percent target lies within 0..100.
select
    indicator_id,
    unit
from dw.indicator
