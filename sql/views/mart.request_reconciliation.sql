-- Each teacher a school requested («заявка ОО», dw.school_request) against what happened in
-- the academic year of the request: one row per requested place (a named teacher's row is one
-- place; a counted row of n teachers is n places), with its outcome:
--   completed               a matching enrolment of the year is completed;
--   enrolled_not_completed  a matching enrolment exists, none completed;
--   not_enrolled            no matching enrolment.
-- A matching enrolment is of the request's year, of its course (titles folded,
-- dw.fold_title) when it names one and of its focus area when it names one. For a named
-- teacher: the teacher's own enrolments (at any school). For a counted row: the enrolments at
-- the requesting school of teachers of its subject (when it names one) that no request of the
-- school names; they fill its places completed first, then by teacher number, one place each.
-- So requested = completed + enrolled_not_completed + not_enrolled, place by place. Teachers
-- appear only as teacher_number. Rows are those of the schools the reader may see.
create or replace view mart.request_reconciliation with (security_barrier = true) as
with request as (
    select r.request_key,
           r.academic_year_key,
           s.school_code,
           coalesce(cur.name, s.name) as school_name,
           r.teacher_key,
           r.teachers_requested,
           coalesce(btrim(r.subject), '') as subject,
           r.focus_area_key,
           a.code as focus_area,
           r.course_title,
           r.hours
    from dw.school_request as r
    inner join dw.dim_school as s on s.school_key = r.school_key
    left join dw.dim_school as cur on cur.school_code = s.school_code and cur.is_current
    left join dw.dim_deficit_area as a on a.deficit_area_key = r.focus_area_key
),

-- The course members a requested title names: each distinct title folded once.
requested_title as (
    select distinct r.course_title
    from request as r
    where r.course_title is not null
),

title_course as (
    select t.course_title,
           c.course_key
    from requested_title as t
    inner join dw.dim_course as c on dw.fold_title(c.course_title) = dw.fold_title(t.course_title)
),

requested_course as (
    select r.request_key,
           tc.course_key
    from request as r
    inner join title_course as tc on tc.course_title = r.course_title
),

named_match as (
    select r.request_key,
           e.status
    from request as r
    inner join dw.fact_course_enrolment as e
        on e.teacher_key = r.teacher_key and e.academic_year_key = r.academic_year_key
    inner join dw.dim_course as c on c.course_key = e.course_key
    left join requested_course as rc on rc.request_key = r.request_key and rc.course_key = e.course_key
    where r.teacher_key is not null
      and (r.course_title is null or rc.course_key is not null)
      and (r.focus_area_key is null or c.focus_area_key = r.focus_area_key)
),

named as (
    select r.request_key,
           1 as place,
           r.teacher_key as teacher_number,
           coalesce(bool_or(m.status = 'completed'), false) as is_completed,
           count(m.request_key) > 0 as is_enrolled
    from request as r
    left join named_match as m on m.request_key = r.request_key
    where r.teacher_key is not null
    group by r.request_key, r.teacher_key
),

-- The teachers each school names in its request of a year.
named_teacher as (
    select distinct
        q.academic_year_key,
        qs.school_code,
        q.teacher_key
    from dw.school_request as q
    inner join dw.dim_school as qs on qs.school_key = q.school_key
    where q.teacher_key is not null
),

-- The enrolments of each school and year, marked when the school's request of that year
-- names the teacher (such a teacher fills no counted place). Materialized: the mark is one
-- hash join over the whole tables, not an anti-join per candidate planned as a nested loop.
school_enrolment as materialized (
    select e.academic_year_key,
           d.school_code,
           e.teacher_key,
           e.course_key,
           c.focus_area_key,
           coalesce(btrim(e.subject), '') as subject,
           e.status,
           nt.teacher_key is not null as is_named
    from dw.fact_course_enrolment as e
    inner join dw.dim_school as d on d.school_key = e.school_key
    inner join dw.dim_course as c on c.course_key = e.course_key
    left join named_teacher as nt
        on nt.teacher_key = e.teacher_key
       and nt.academic_year_key = e.academic_year_key
       and nt.school_code = d.school_code
),

candidate as (
    select r.request_key,
           e.teacher_key,
           bool_or(e.status = 'completed') as is_completed
    from request as r
    inner join school_enrolment as e
        on e.school_code = r.school_code and e.academic_year_key = r.academic_year_key
    left join requested_course as rc on rc.request_key = r.request_key and rc.course_key = e.course_key
    where r.teacher_key is null
      and not e.is_named
      and (r.course_title is null or rc.course_key is not null)
      and (r.focus_area_key is null or e.focus_area_key = r.focus_area_key)
      and (r.subject = '' or dw.fold_title(e.subject) = dw.fold_title(r.subject))
    group by r.request_key, e.teacher_key
),

ranked as (
    select c.request_key,
           c.teacher_key,
           c.is_completed,
           row_number() over (partition by c.request_key order by c.is_completed desc, c.teacher_key asc) as place
    from candidate as c
),

counted as (
    select r.request_key,
           p.place,
           k.teacher_key as teacher_number,
           coalesce(k.is_completed, false) as is_completed,
           k.teacher_key is not null as is_enrolled
    from request as r
    cross join lateral generate_series(1, r.teachers_requested) as p (place)
    left join ranked as k on k.request_key = r.request_key and k.place = p.place
    where r.teacher_key is null
),

place as (
    select * from named
    union all
    select * from counted
)

select r.request_key as request_number,
       p.place,
       y.label as academic_year,
       r.academic_year_key as year_start,
       r.school_code,
       r.school_name,
       r.subject,
       r.focus_area,
       r.course_title,
       r.hours,
       r.teacher_key is not null as is_named,
       p.teacher_number,
       case
           when p.is_completed then 'completed'
           when p.is_enrolled then 'enrolled_not_completed'
           else 'not_enrolled'
       end as outcome
from place as p
inner join request as r on r.request_key = p.request_key
inner join dw.dim_academic_year as y on y.academic_year_key = r.academic_year_key
where case
    when (select dw.readable_school_codes(current_user)) is null then true
    else r.school_code = any((select dw.readable_school_codes(current_user))::text[])
end;

grant select on mart.request_reconciliation to pdmon_reader;

comment on view mart.request_reconciliation is
    'One row per place a school requested (docs/mart.md): its outcome in the request''s year — completed, enrolled_not_completed or not_enrolled — so requested = completed + enrolled_not_completed + not_enrolled. Teachers only as teacher_number. / Каждое место из заявки ОО и его итог в году заявки: завершил, записан без завершения, не записан.';
comment on column mart.request_reconciliation.request_number is
    'Warehouse number of the request row (dw.school_request). / Номер строки заявки.';
comment on column mart.request_reconciliation.place is
    'Place within the request row: 1 for a named teacher, 1..n for a counted row. / Номер места в строке заявки.';
comment on column mart.request_reconciliation.academic_year is
    'Academic year of the request, e.g. 2024-2025. / Учебный год заявки.';
comment on column mart.request_reconciliation.year_start is
    'Start year of the academic year. / Год начала учебного года.';
comment on column mart.request_reconciliation.school_code is
    'Requesting school. / Код ОО, подавшей заявку.';
comment on column mart.request_reconciliation.school_name is
    'Current name of the school. / Текущее наименование ОО.';
comment on column mart.request_reconciliation.subject is
    'Subject of the request; empty when not given. / Предмет (пусто — не указан).';
comment on column mart.request_reconciliation.focus_area is
    'Focus area requested (code); null when the request names a course only. / Направленность.';
comment on column mart.request_reconciliation.course_title is
    'Course requested; null when the request names a focus area only. / Программа.';
comment on column mart.request_reconciliation.hours is
    'Hours requested. / Объём, часов.';
comment on column mart.request_reconciliation.is_named is
    'True for a request naming the teacher; false for a place of a counted row. / Педагог назван в заявке.';
comment on column mart.request_reconciliation.teacher_number is
    'The teacher (opaque number, as in mart.teacher_year): the named one, or the enrolled teacher filling a counted place; null for an unfilled counted place. / Номер педагога; пусто для незаполненного места.';
comment on column mart.request_reconciliation.outcome is
    'completed, enrolled_not_completed or not_enrolled (see the view). / Итог: завершил, записан без завершения, не записан.';
