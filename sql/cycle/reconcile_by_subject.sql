-- Requests of academic year $1 (start year) against the issued plan and what happened, per
-- school and subject, per school, and for the city (only for a reader of every school).
-- Definitions and identities: sql/cycle/README.md. Reads mart only; counts only.
-- level: subject, school, city. subject '' = not given.
with place as (
    select p.school_code,
           p.school_name,
           p.subject,
           p.outcome
    from mart.request_reconciliation as p
    where p.year_start = $1::integer
),

requested as (
    select case
               when grouping(p.school_code) = 0 and grouping(p.subject) = 0 then 'subject'
               when grouping(p.school_code) = 0 then 'school'
               else 'city'
           end as level,
           p.school_code,
           max(p.school_name) as school_name,
           case when grouping(p.subject) = 0 then p.subject end as subject,
           count(*) as requested,
           count(*) filter (where p.outcome = 'completed') as completed,
           count(*) filter (where p.outcome = 'enrolled_not_completed') as enrolled_not_completed,
           count(*) filter (where p.outcome = 'not_enrolled') as not_enrolled
    from place as p
    group by grouping sets ((p.school_code, p.subject), (p.school_code), ())
),

planned as (
    select o.level,
           o.school_code,
           o.school_name,
           case when o.level = 'subject' then coalesce(o.subject, '') end as subject,
           o.teachers_due as planned
    from mart.plan_order_issued as o
    where o.year_start = $1::integer
      and o.section = 'subject'
      and o.level in ('subject', 'school', 'city')
),

joined as (
    select coalesce(r.level, p.level) as level,
           coalesce(r.school_code, p.school_code) as school_code,
           coalesce(r.school_name, p.school_name) as school_name,
           coalesce(r.subject, p.subject) as subject,
           coalesce(r.requested, 0) as requested,
           p.planned,
           coalesce(r.completed, 0) as completed,
           coalesce(r.enrolled_not_completed, 0) as enrolled_not_completed,
           coalesce(r.not_enrolled, 0) as not_enrolled
    from requested as r
    full join planned as p
        on p.level = r.level
       and coalesce(p.school_code, '') = coalesce(r.school_code, '')
       and coalesce(p.subject, '') = coalesce(r.subject, '')
)

select j.level,
       j.school_code,
       j.school_name,
       j.subject,
       j.requested,
       j.planned,
       j.completed + j.enrolled_not_completed as enrolled,
       j.completed,
       j.enrolled_not_completed,
       j.not_enrolled,
       j.enrolled_not_completed + j.not_enrolled as requested_not_completed
from joined as j
where j.level <> 'city' or (select s.reads_every_school from mart.reader_scope as s)
order by case j.level when 'city' then 1 else 0 end, j.school_code, case j.level when 'school' then 1 else 0 end,
    j.subject
