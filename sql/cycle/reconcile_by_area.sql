-- Requests of academic year $1 (start year) against the issued plan and what happened, per
-- school and focus area, and per focus area for the city (only for a reader of every school).
-- Definitions and identities: sql/cycle/README.md. Reads mart only; counts only.
-- level: school, city. focus_area '' = the request names a course only.
with place as (
    select p.school_code,
           p.school_name,
           coalesce(p.focus_area, '') as focus_area,
           p.outcome
    from mart.request_reconciliation as p
    where p.year_start = $1::integer
),

requested as (
    select case when grouping(p.school_code) = 0 then 'school' else 'city' end as level,
           p.school_code,
           max(p.school_name) as school_name,
           p.focus_area,
           count(*) as requested,
           count(*) filter (where p.outcome = 'completed') as completed,
           count(*) filter (where p.outcome = 'enrolled_not_completed') as enrolled_not_completed,
           count(*) filter (where p.outcome = 'not_enrolled') as not_enrolled
    from place as p
    group by grouping sets ((p.school_code, p.focus_area), (p.focus_area))
),

planned as (
    select o.level,
           o.school_code,
           o.school_name,
           o.deficit_area as focus_area,
           o.teachers as planned
    from mart.plan_order_issued as o
    where o.year_start = $1::integer
      and o.section = 'deficit_area'
),

joined as (
    select coalesce(r.level, p.level) as level,
           coalesce(r.school_code, p.school_code) as school_code,
           coalesce(r.school_name, p.school_name) as school_name,
           coalesce(r.focus_area, p.focus_area) as focus_area,
           coalesce(r.requested, 0) as requested,
           p.planned,
           coalesce(r.completed, 0) as completed,
           coalesce(r.enrolled_not_completed, 0) as enrolled_not_completed,
           coalesce(r.not_enrolled, 0) as not_enrolled
    from requested as r
    full join planned as p
        on p.level = r.level
       and coalesce(p.school_code, '') = coalesce(r.school_code, '')
       and p.focus_area = r.focus_area
)

select j.level,
       j.school_code,
       j.school_name,
       j.focus_area,
       a.name_ru as focus_area_ru,
       a.name_en as focus_area_en,
       j.requested,
       j.planned,
       j.completed + j.enrolled_not_completed as enrolled,
       j.completed,
       j.enrolled_not_completed,
       j.not_enrolled,
       j.enrolled_not_completed + j.not_enrolled as requested_not_completed
from joined as j
left join mart.deficit_area as a on a.code = j.focus_area
where j.level <> 'city' or (select s.reads_every_school from mart.reader_scope as s)
order by case j.level when 'city' then 1 else 0 end, j.school_code, a.sort_order nulls first
