-- Enrolment facts written by one batch ($1 batch_key): the rows it added or replaced.
select count(*) as facts
from dw.fact_course_enrolment
where batch_key = $1::bigint
