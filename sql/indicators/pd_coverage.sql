-- name: pd_coverage
-- description: teachers in T with at least one enrolment completed in y (at any school) / |T|
-- First version (until 2024-2025): a course counts when it has the minimum hours of the order
-- of the Ministry of Education and Science of 01.07.2013 No. 499 (п. 12): at least 16 hours
-- for advanced training (and internships, a form of it), at least 250 for retraining; a
-- course without hours in the export counts. From 2025-2026: pd_coverage@2025-2026.sql.
-- Contract: see sql/indicators/README.md. T = the census of a school for a year.
with t as (
    select f.academic_year_key,
           s.school_code,
           f.teacher_key,
           (
               exists (
                   select 1
                   from dw.fact_course_enrolment as e
                   inner join dw.dim_course as c on c.course_key = e.course_key
                   where e.teacher_key = f.teacher_key
                     and e.status = 'completed'
                     and e.academic_year_key = f.academic_year_key
                     and (c.hours is null or c.hours >= case when c.program_kind = 'retraining' then 250 else 16 end)
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
