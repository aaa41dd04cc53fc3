-- The academic years (start year) that already hold enrolment facts. A file whose rows all
-- belong to other years is a first load of its years and goes straight into the facts.
-- An uncorrelated `in`: PostgreSQL plans it as the same semi-join as `exists` (a probe of
-- the year index per year); Citus refuses the correlated form beside a reference table.
select y.academic_year_key
from dw.dim_academic_year as y
where y.academic_year_key in (
    select f.academic_year_key
    from dw.fact_course_enrolment as f
)
