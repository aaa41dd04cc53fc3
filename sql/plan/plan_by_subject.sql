-- Plan-order for academic year Y ($1 = start year of Y, integer), from the data up to Y-1:
-- per school and subject, per school, per subject for the city, and for the whole city.
-- Definitions: sql/plan/README.md. Current teachers = the census of Y-1. Counts only.
-- level: subject (school × subject), school (school total), city_subject (city × subject),
-- city (city total). subject '' = not given in the census.
with current_teacher as (
    select f.teacher_key,
           s.school_code,
           coalesce(nullif(btrim(f.subject), ''), '') as subject,
           f.staff_category
    from dw.fact_teacher_year as f
    inner join dw.dim_school as s on s.school_key = f.school_key
    where f.academic_year_key = $1::integer - 1
),
last_completed as (
    select e.teacher_key, max(e.academic_year_key) as last_year
    from dw.fact_course_enrolment as e
    where e.status = 'completed'
      and e.academic_year_key <= $1::integer - 1
    group by e.teacher_key
),
unaddressed as (
    select distinct b.teacher_key
    from dw.bridge_teacher_year_deficit as b
    where b.academic_year_key = $1::integer - 1
      and not exists (
          select 1
          from dw.fact_course_enrolment as e
          inner join dw.dim_course as c on c.course_key = e.course_key
          where e.teacher_key = b.teacher_key
            and e.status = 'completed'
            and e.academic_year_key = $1::integer - 1
            and c.focus_area_key = b.deficit_area_key)
),
t as (
    select ct.school_code,
           ct.subject,
           ct.teacher_key,
           ct.staff_category = 'leadership' as is_leader,
           (lc.last_year is null or lc.last_year <= $1::integer - 3) as is_due,
           lc.last_year is null as never_trained,
           u.teacher_key is not null as has_unaddressed
    from current_teacher as ct
    left join last_completed as lc on lc.teacher_key = ct.teacher_key
    left join unaddressed as u on u.teacher_key = ct.teacher_key
)
select case
           when grouping(t.school_code) = 0 and grouping(t.subject) = 0 then 'subject'
           when grouping(t.school_code) = 0 then 'school'
           when grouping(t.subject) = 0 then 'city_subject'
           else 'city'
       end as level,
       t.school_code,
       (
           select d.name
           from dw.dim_school as d
           where d.school_code = t.school_code and d.is_current
       ) as school_name,
       t.subject,
       count(distinct t.teacher_key) as teachers,
       count(distinct t.teacher_key) filter (where t.is_due) as teachers_due,
       count(distinct t.teacher_key) filter (where t.never_trained) as never_trained,
       count(distinct t.teacher_key) filter (where t.has_unaddressed) as deficits_unaddressed,
       count(distinct t.teacher_key) filter (where t.is_due and t.is_leader) as leaders_due
from t
group by grouping sets ((t.school_code, t.subject), (t.school_code), (t.subject), ())
order by grouping(t.school_code), t.school_code, grouping(t.subject), t.subject
