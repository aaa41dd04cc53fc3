-- Plan-order for academic year Y ($1 = start year of Y, integer), per deficit area: how
-- many current teachers (census of Y-1) have a deficit in the area identified in Y-1 and
-- not addressed by a course of that focus completed in Y-1, per school and for the city.
-- Definitions: sql/plan/README.md. Counts only. Reads mart only (mart.plan_teacher_year);
-- no city rows for a login that sees only some schools (mart.reader_scope).
with unaddressed as (
    select p.teacher_number,
           p.school_code,
           p.school_name,
           d.code as deficit_area
    from mart.plan_teacher_year as p
    cross join lateral unnest(p.unaddressed_deficits) as d (code)
    where p.year_start = $1::integer - 1
)

select case when grouping(u.school_code) = 0 then 'school' else 'city' end as level,
       u.school_code,
       case when grouping(u.school_code) = 0 then max(u.school_name) end as school_name,
       a.code as deficit_area,
       a.name_ru as deficit_area_ru,
       a.name_en as deficit_area_en,
       count(distinct u.teacher_number) as teachers
from unaddressed as u
inner join mart.deficit_area as a on a.code = u.deficit_area
group by grouping sets ((u.school_code, a.sort_order, a.code, a.name_ru, a.name_en),
                        (a.sort_order, a.code, a.name_ru, a.name_en))
having grouping(u.school_code) = 0 or (select r.reads_every_school from mart.reader_scope as r)
order by grouping(u.school_code), u.school_code, a.sort_order
