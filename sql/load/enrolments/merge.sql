-- Upserts the staged enrolments into dw.fact_course_enrolment on the natural key
-- (academic year, teacher, course title, start date). Unchanged rows are not touched,
-- so loading the same data twice changes nothing. The batch is current_setting('pdmon.batch_key').

-- An enrolment derived from a ФИС ФРДО document gives way to the export's row of the same
-- course (same teacher, same title ignoring case and ё/е: dw.fold_title, end date = issue date)
-- or the same natural key: the export row is the richer record of that one enrolment
-- (load/derived/register_enrolments.sql keeps it so whatever order the files arrive in).
-- Citus (sql/citus/README.md): the staged rows are read through CTEs and joined, never named
-- in a correlated subquery of a statement that modifies a distributed table; PostgreSQL plans
-- the same hash joins for both forms.
with course_title as (
    select c.course_key, dw.fold_title(c.course_title) as title_key
    from dw.dim_course as c
),

staged as (
    select s.teacher_key, s.academic_year_key, s.start_date_key, s.end_date_key, s.course_key, k.title_key
    from stage_enrolment as s
    inner join course_title as k on k.course_key = s.course_key
)

delete from dw.fact_course_enrolment as f
using staged as s, course_title as kf
where f.document_key is not null
  and kf.course_key = f.course_key
  and s.teacher_key = f.teacher_key
  and ((s.end_date_key = f.end_date_key and s.title_key = kf.title_key)
       or (s.academic_year_key = f.academic_year_key and s.start_date_key = f.start_date_key
           and s.course_key = f.course_key));

delete from dw.fact_course_enrolment f
using stage_enrolment s, dw.dim_course c
where c.course_key = f.course_key
  and f.teacher_key = s.teacher_key
  and f.academic_year_key = s.academic_year_key
  and f.start_date_key = s.start_date_key
  and c.course_title = s.course_title
  and (f.course_key, f.school_key, f.end_date_key, f.staff_category, f.position, f.subject,
       f.status, f.is_requested_by_school, f.has_certificate)
      is distinct from
      (s.course_key, s.school_key, s.end_date_key, s.staff_category, s.position, s.subject,
       s.status, s.is_requested_by_school, s.has_certificate);

insert into dw.fact_course_enrolment (
    teacher_key, academic_year_key, school_key, course_key, start_date_key, end_date_key,
    staff_category, position, subject, status, is_requested_by_school, has_certificate, batch_key
)
select s.teacher_key, s.academic_year_key, s.school_key, s.course_key, s.start_date_key, s.end_date_key,
       s.staff_category, s.position, s.subject, s.status, s.is_requested_by_school, s.has_certificate,
       current_setting('pdmon.batch_key')::bigint
from stage_enrolment as s
left join dw.fact_course_enrolment as f
    on f.teacher_key = s.teacher_key
   and f.academic_year_key = s.academic_year_key
   and f.start_date_key = s.start_date_key
   and f.course_key = s.course_key
where f.teacher_key is null;
