-- Teachers in the census of academic year $1 (its start year): the plan-order of the
-- next year needs one.
select count(*) as teachers
from dw.fact_teacher_year
where academic_year_key = $1::integer
