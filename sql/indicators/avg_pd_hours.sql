-- name: avg_pd_hours
-- description: hours of enrolments completed in y (at any school) by teachers in T / |T| (hours, not %)
-- Contract: see sql/indicators/README.md. T = the census of a school for a year.
-- Hours come from dw.dim_course.hours; a course without hours adds 0.
with t as (
    select f.academic_year_key,
           s.school_code,
           f.teacher_key,
           coalesce((
               select sum(c.hours)
               from dw.fact_course_enrolment as e
               inner join dw.dim_course as c on c.course_key = e.course_key
               where e.teacher_key = f.teacher_key
                 and e.academic_year_key = f.academic_year_key
                 and e.status = 'completed'
           ), 0) as hours
    from dw.fact_teacher_year as f
    inner join dw.dim_school as s on s.school_key = f.school_key
    -- The years the refresh computes (sql/indicators/README.md).
    where f.academic_year_key = any(dw.refresh_years())
)
-- The census has one row per teacher and year (its primary key), so summing the
-- per-teacher hours counts each teacher once, at school and at city level.
select t.academic_year_key,
       case when grouping(t.school_code) = 1 then 'city' else 'school' end as grain,
       t.school_code,
       sum(t.hours)::bigint as numerator,
       count(distinct t.teacher_key) as denominator
from t
group by grouping sets ((t.academic_year_key, t.school_code), (t.academic_year_key))
