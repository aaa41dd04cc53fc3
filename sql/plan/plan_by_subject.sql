-- Plan-order for academic year Y ($1 = start year of Y, integer), from the data up to Y-1:
-- per school and subject, per school, per subject for the city, and for the whole city.
-- Definitions: sql/plan/README.md. Current teachers = the census of Y-1. Counts only.
-- level: subject (school × subject), school (school total), city_subject (city × subject),
-- city (city total). subject '' = not given in the census.
-- Reads mart only (mart.plan_teacher_year): a login that sees some schools gets their rows,
-- and no city rows (mart.reader_scope), which it could not compute from them.
with t as (
    select p.school_code,
           p.school_name,
           coalesce(nullif(btrim(p.subject), ''), '') as subject,
           p.teacher_number,
           p.staff_category = 'leadership' as is_leader,
           (p.last_completed_year_start is null or p.last_completed_year_start <= $1::integer - 3) as is_due,
           p.last_completed_year_start is null as never_trained,
           cardinality(p.unaddressed_deficits) > 0 as has_unaddressed
    from mart.plan_teacher_year as p
    where p.year_start = $1::integer - 1
)

select case
           when grouping(t.school_code) = 0 and grouping(t.subject) = 0 then 'subject'
           when grouping(t.school_code) = 0 then 'school'
           when grouping(t.subject) = 0 then 'city_subject'
           else 'city'
       end as level,
       t.school_code,
       case when grouping(t.school_code) = 0 then max(t.school_name) end as school_name,
       t.subject,
       count(distinct t.teacher_number) as teachers,
       count(distinct t.teacher_number) filter (where t.is_due) as teachers_due,
       count(distinct t.teacher_number) filter (where t.never_trained) as never_trained,
       count(distinct t.teacher_number) filter (where t.has_unaddressed) as deficits_unaddressed,
       count(distinct t.teacher_number) filter (where t.is_due and t.is_leader) as leaders_due
from t
group by grouping sets ((t.school_code, t.subject), (t.school_code), (t.subject), ())
having grouping(t.school_code) = 0 or (select r.reads_every_school from mart.reader_scope as r)
order by grouping(t.school_code), t.school_code, grouping(t.subject), t.subject
