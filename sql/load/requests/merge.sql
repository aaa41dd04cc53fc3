-- Merges the staged requests into dw.school_request (docs/exports.md §5.5). A file holds the
-- whole request of each (academic year, school) it names: a stored request of such a pair is
-- replaced by the file's, unless the two are the same rows (then nothing is written, so
-- loading the same request twice changes nothing). Schools are compared by code, so a renamed
-- school (a new version) keeps its request. The batch is current_setting('pdmon.batch_key').

create temp table request_staged on commit drop as
select s.academic_year_key,
       d.school_code,
       s.school_key,
       s.teacher_key,
       s.teachers_requested,
       s.subject,
       s.focus_area_key,
       s.course_title,
       s.hours
from stage_request as s
inner join dw.dim_school as d on d.school_key = s.school_key;

create temp table request_changed on commit drop as
with scope as (
    select distinct r.academic_year_key, r.school_code
    from request_staged as r
),

stored as (
    select r.academic_year_key, d.school_code, r.teacher_key, r.teachers_requested, r.subject,
           r.focus_area_key, r.course_title, r.hours
    from dw.school_request as r
    inner join dw.dim_school as d on d.school_key = r.school_key
    inner join scope as sc on sc.academic_year_key = r.academic_year_key and sc.school_code = d.school_code
),

incoming as (
    select r.academic_year_key, r.school_code, r.teacher_key, r.teachers_requested, r.subject,
           r.focus_area_key, r.course_title, r.hours
    from request_staged as r
),

difference as (
    (
        select * from incoming
        except all
        select * from stored
    )
    union all
    (
        select * from stored
        except all
        select * from incoming
    )
)

select distinct x.academic_year_key, x.school_code
from difference as x;

delete from dw.school_request as r
using dw.dim_school as d, request_changed as c
where d.school_key = r.school_key
  and c.academic_year_key = r.academic_year_key
  and c.school_code = d.school_code;

insert into dw.school_request (
    academic_year_key, school_key, teacher_key, teachers_requested, subject, focus_area_key, course_title, hours,
    batch_key
)
select r.academic_year_key, r.school_key, r.teacher_key, r.teachers_requested, r.subject, r.focus_area_key,
       r.course_title, r.hours, current_setting('pdmon.batch_key')::bigint
from request_staged as r
inner join request_changed as c on c.academic_year_key = r.academic_year_key and c.school_code = r.school_code;
