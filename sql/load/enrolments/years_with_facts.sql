-- The academic years (start year) that already hold enrolment facts. A file whose rows all
-- belong to other years is a first load of its years and goes straight into the facts.
select y.academic_year_key
from dw.dim_academic_year as y
where exists (
    select 1
    from dw.fact_course_enrolment as f
    where f.academic_year_key = y.academic_year_key
)
