-- The targets stored (before and after a load).
select count(*) as facts
from dw.fact_indicator_target
