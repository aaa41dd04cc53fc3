-- Measures written by one batch ($1 batch_key): new ones, or ones whose role it changed.
select count(*) as facts
from dw.measure
where batch_key = $1::bigint
