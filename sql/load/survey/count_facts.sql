-- Every census fact (the load reports the count before and after).
select count(*) as facts
from dw.fact_teacher_year
