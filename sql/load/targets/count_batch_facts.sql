-- Targets written or replaced by one batch ($1 batch_key).
select count(*) as facts
from dw.fact_indicator_target
where batch_key = $1::bigint
