-- name: subject_club_share
-- description: teachers in T in a subject club / |T|
-- Contract: see sql/indicators/README.md. T = the census of a school for a year.
with t as (
    select f.academic_year_key,
           s.school_code,
           f.teacher_key,
           (f.is_subject_club_member) as in_numerator,
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
