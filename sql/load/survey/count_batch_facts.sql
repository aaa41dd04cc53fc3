-- Census facts written by one batch ($1 batch_key): the rows it added or replaced.
select count(*) as facts
from dw.fact_teacher_year
where batch_key = $1::bigint
