-- Request rows written by one batch ($1 batch_key).
select count(*) as facts
from dw.school_request
where batch_key = $1::bigint
