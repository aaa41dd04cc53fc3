-- One census row per teacher and year among the staged rows of a form-service export (rows
-- with submitted_at): the latest submission wins (issue 9 §3; docs/exports.md §6.1).
--
-- Within the file: every staged row but the latest of its (teacher, year), by submitted_at and
-- then by line, is dropped; the validator reported each as a superseded_submission notice.
-- Across files: a staged row older than the census row already stored for its teacher and
-- year (both with a timestamp) is dropped and kept in survey_superseded, so that the merge
-- neither applies it nor replaces the stored row; superseded.sql reports them.
-- Rows without a timestamp (an export without one) are never touched here, and cost a
-- filtered scan (about 10 ms for 40 000 staged rows).

delete from stage_teacher_year as s
using stage_teacher_year as l
where s.submitted_at is not null
    and l.submitted_at is not null
    and l.teacher_key = s.teacher_key
    and l.academic_year_key = s.academic_year_key
    and (l.submitted_at, l.line_number) > (s.submitted_at, s.line_number);

create temp table survey_superseded on commit drop as
select s.line_number, s.teacher_key, s.academic_year_key, s.submitted_at,
       f.submitted_at as stored_submitted_at, f.batch_key as stored_batch_key
from stage_teacher_year as s
inner join dw.fact_teacher_year as f
    on f.teacher_key = s.teacher_key and f.academic_year_key = s.academic_year_key
where s.submitted_at is not null and f.submitted_at > s.submitted_at;

delete from stage_teacher_year as s
using survey_superseded as x
where x.line_number = s.line_number;
