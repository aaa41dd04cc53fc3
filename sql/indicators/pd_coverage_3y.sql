-- name: pd_coverage_3y
-- description: teachers in T with at least one enrolment completed in y-2, y-1 or y (at any school) / |T|
-- window: 3 (values of year y read enrolments of y-2..y: a change in year y also changes y+1 and y+2)
-- Contract: see sql/indicators/README.md. T = the census of a school for a year.
with t as (
    select f.academic_year_key,
           s.school_code,
           f.teacher_key,
           (
               exists (
                   select 1
                   from dw.fact_course_enrolment as e
                   where e.teacher_key = f.teacher_key
                     and e.status = 'completed'
                     and e.academic_year_key between f.academic_year_key - 2 and f.academic_year_key
               )
           ) as in_numerator,
           (true) as in_denominator
    from dw.fact_teacher_year as f
    inner join dw.dim_school as s on s.school_key = f.school_key
    -- The years the refresh computes (sql/indicators/README.md).
    where f.academic_year_key = any(dw.refresh_years())
)
select t.academic_year_key,
       case when grouping(t.school_code) = 1 then 'city' else 'school' end as grain,
       t.school_code,
       count(distinct t.teacher_key) filter (where t.in_numerator) as numerator,
       count(distinct t.teacher_key) filter (where t.in_denominator) as denominator
from t
group by grouping sets ((t.academic_year_key, t.school_code), (t.academic_year_key))
