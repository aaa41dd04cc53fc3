-- name: completion_rate
-- description: enrolments of school s in y with status completed / enrolments of school s in y with a status other than in_progress
-- Contract: see sql/indicators/README.md. Enrolment-based: counts the enrolments
-- exported for a school (its school_key); the city row counts the enrolments of all schools.
with en as (
    select e.academic_year_key,
           s.school_code,
           (e.status = 'completed') as in_numerator,
           (e.status <> 'in_progress') as in_denominator
    from dw.fact_course_enrolment as e
    inner join dw.dim_school as s on s.school_key = e.school_key
    inner join dw.dim_course as c on c.course_key = e.course_key
    -- The years the refresh computes (sql/indicators/README.md).
    where e.academic_year_key = any(dw.refresh_years())
)
select en.academic_year_key,
       case when grouping(en.school_code) = 1 then 'city' else 'school' end as grain,
       en.school_code,
       count(*) filter (where en.in_numerator) as numerator,
       count(*) filter (where en.in_denominator) as denominator
from en
group by grouping sets ((en.academic_year_key, en.school_code), (en.academic_year_key))
