-- Plan-order for academic year Y ($1 = start year of Y, integer), per deficit area: how
-- many current teachers (census of Y-1) have a deficit in the area identified in Y-1 and
-- not addressed by a course of that focus completed in Y-1, per school and for the city.
-- Definitions: sql/plan/README.md. Counts only.
with unaddressed as (
    select b.teacher_key, s.school_code, b.deficit_area_key
    from dw.bridge_teacher_year_deficit as b
    inner join dw.fact_teacher_year as f
      on f.teacher_key = b.teacher_key and f.academic_year_key = b.academic_year_key
    inner join dw.dim_school as s on s.school_key = f.school_key
    where b.academic_year_key = $1::integer - 1
      and not exists (
          select 1
          from dw.fact_course_enrolment as e
          inner join dw.dim_course as c on c.course_key = e.course_key
          where e.teacher_key = b.teacher_key
            and e.status = 'completed'
            and e.academic_year_key = $1::integer - 1
            and c.focus_area_key = b.deficit_area_key)
)
select case when grouping(u.school_code) = 0 then 'school' else 'city' end as level,
       u.school_code,
       (
           select d.name
           from dw.dim_school as d
           where d.school_code = u.school_code and d.is_current
       ) as school_name,
       a.code as deficit_area,
       a.name_ru as deficit_area_ru,
       a.name_en as deficit_area_en,
       count(distinct u.teacher_key) as teachers
from unaddressed as u
inner join dw.dim_deficit_area as a on a.deficit_area_key = u.deficit_area_key
group by grouping sets ((u.school_code, a.deficit_area_key, a.code, a.name_ru, a.name_en),
                        (a.deficit_area_key, a.code, a.name_ru, a.name_en))
order by grouping(u.school_code), u.school_code, a.deficit_area_key
