-- Every enrolment fact (the load reports the count before and after).
select count(*) as facts
from dw.fact_course_enrolment
