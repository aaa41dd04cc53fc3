-- School versions written or updated by one batch ($1 batch_key).
select count(*) as facts
from dw.dim_school
where batch_key = $1::bigint
