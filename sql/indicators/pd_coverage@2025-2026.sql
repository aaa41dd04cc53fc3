-- name: pd_coverage
-- description: teachers in T with at least one enrolment completed in y (at any school) / |T|
-- version-reason-ru: с 2025-2026 уч. г. действует Порядок ДПО, утверждённый приказом Минобрнауки России от 24.03.2025 № 266, вместо приказа от 01.07.2013 № 499 с минимумами 16 ч (повышение квалификации) и 250 ч (переподготовка); завершённое обучение засчитывается без этих минимумов
-- version-reason-en: from 2025-2026 the order of the Ministry of Education and Science of 24.03.2025 No. 266 (the procedure of additional professional education) replaces the order of 01.07.2013 No. 499 with its 16-hour (advanced training) and 250-hour (retraining) minimums; a completed course counts without them
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
                     and e.academic_year_key = f.academic_year_key
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
