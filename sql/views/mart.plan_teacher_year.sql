-- What the plan-order (pdmon plan, sql/plan/) needs of each teacher in each census
-- year: the census row's school, subject and category, the last academic year with a
-- completed course up to that year (courses of every school: the teacher's history,
-- not the school's), and the deficit areas of that census not addressed by a course of
-- that focus completed the same year (the rule of deficit_addressed_share). Rows are
-- those of the schools the reader may see (dw.school_access).
create or replace view mart.plan_teacher_year with (security_barrier = true) as
with unaddressed as (
    select b.teacher_key,
           b.academic_year_key,
           array_agg(a.code order by a.deficit_area_key) as unaddressed_deficits
    from dw.bridge_teacher_year_deficit as b
    inner join dw.dim_deficit_area as a on a.deficit_area_key = b.deficit_area_key
    where not exists (
        select 1
        from dw.fact_course_enrolment as e
        inner join dw.dim_course as c on c.course_key = e.course_key
        where e.teacher_key = b.teacher_key
          and e.status = 'completed'
          and e.academic_year_key = b.academic_year_key
          and c.focus_area_key = b.deficit_area_key)
    group by b.teacher_key, b.academic_year_key
)

select f.teacher_key as teacher_number,
       y.label as academic_year,
       f.academic_year_key as year_start,
       s.school_code,
       coalesce(cur.name, s.name) as school_name,
       f.subject,
       f.staff_category,
       lc.last_completed_year_start,
       coalesce(u.unaddressed_deficits, '{}') as unaddressed_deficits
from dw.fact_teacher_year as f
inner join dw.dim_academic_year as y on y.academic_year_key = f.academic_year_key
inner join dw.dim_school as s on s.school_key = f.school_key
left join dw.dim_school as cur on cur.school_code = s.school_code and cur.is_current
left join lateral (
    select max(e.academic_year_key) as last_completed_year_start
    from dw.fact_course_enrolment as e
    where e.teacher_key = f.teacher_key
      and e.status = 'completed'
      and e.academic_year_key <= f.academic_year_key
) as lc on true
left join unaddressed as u on u.teacher_key = f.teacher_key and u.academic_year_key = f.academic_year_key
where case
    when (select dw.readable_school_codes(current_user)) is null then true
    else s.school_code = any((select dw.readable_school_codes(current_user))::text[])
end;

grant select on mart.plan_teacher_year to pdmon_reader;

comment on view mart.plan_teacher_year is
    'Per teacher and census year, what the plan-order of courses needs (sql/plan/README.md): school, subject, category, the last year with a completed course, the deficits not addressed that year. Teachers appear only as teacher_number. / Для плана-заказа КПК: по педагогу и году мониторинга — ОО, предмет, категория, последний год завершённого обучения, незакрытые дефициты.';
comment on column mart.plan_teacher_year.teacher_number is
    'Opaque per-warehouse teacher number, as in mart.teacher_year. / Внутренний номер педагога.';
comment on column mart.plan_teacher_year.academic_year is
    'Census academic year, e.g. 2023-2024. / Учебный год мониторинга.';
comment on column mart.plan_teacher_year.year_start is
    'Start year of the census academic year. / Год начала учебного года мониторинга.';
comment on column mart.plan_teacher_year.school_code is
    'School of the census row. / Код ОО по мониторингу.';
comment on column mart.plan_teacher_year.school_name is
    'Current name of the school. / Текущее наименование ОО.';
comment on column mart.plan_teacher_year.subject is
    'Subject taught, as in the census. / Предмет.';
comment on column mart.plan_teacher_year.staff_category is
    'teaching or leadership. / Категория работника.';
comment on column mart.plan_teacher_year.last_completed_year_start is
    'Start year of the last academic year, up to the census year, with a completed course (any school); null when none. / Последний учебный год (до года мониторинга) с завершённым обучением; пусто, если не было.';
comment on column mart.plan_teacher_year.unaddressed_deficits is
    'Deficit areas of the census (codes) with no completed course of that focus in the same year; empty array when none. / Дефициты, не закрытые завершённым курсом той же направленности в том же году.';
