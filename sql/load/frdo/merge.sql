-- Merges the staged ФИС ФРДО documents into dw.fact_qualification_document (docs/exports.md
-- §5.4). A document is one teacher's registration number (an original and its duplicate share
-- their original's). Of several rows of one document in the file, the strongest status wins
-- (cancelled, original, lost, duplicate), then the last line. Against what is stored:
--   * a cancelled document stays cancelled (an annulment is final, whatever arrives later);
--   * a duplicate never replaces its original (it is not a second course);
--   * otherwise the newer row replaces the document (a corrected upload);
-- rows identical to what is stored are left alone. The completed enrolments are derived from
-- the documents afterwards by load/derived/register_enrolments.sql. The batch is
-- current_setting('pdmon.batch_key').

create temp table document_incoming on commit drop as
select distinct on (s.teacher_key, s.document_id)
    s.teacher_key,
    decode(s.document_id, 'hex') as document_id,
    s.academic_year_key,
    s.issue_date_key,
    s.course_key,
    s.status
from stage_document as s
order by
    s.teacher_key asc,
    s.document_id asc,
    case s.status when 'cancelled' then 0 when 'original' then 1 when 'lost' then 2 else 3 end asc,
    s.line_number desc;

update dw.fact_qualification_document as d
set academic_year_key = i.academic_year_key,
    issue_date_key = i.issue_date_key,
    course_key = i.course_key,
    status = i.status,
    batch_key = current_setting('pdmon.batch_key')::bigint
from document_incoming as i
where d.teacher_key = i.teacher_key
  and d.document_id = i.document_id
  and d.status <> 'cancelled'
  and not (i.status = 'duplicate' and d.status <> 'duplicate')
  and (d.academic_year_key, d.issue_date_key, d.course_key, d.status)
      is distinct from
      (i.academic_year_key, i.issue_date_key, i.course_key, i.status);

insert into dw.fact_qualification_document (
    teacher_key, document_id, academic_year_key, issue_date_key, course_key, status, batch_key
)
select i.teacher_key, i.document_id, i.academic_year_key, i.issue_date_key, i.course_key, i.status,
       current_setting('pdmon.batch_key')::bigint
from document_incoming as i
left join dw.fact_qualification_document as d
    on d.teacher_key = i.teacher_key
   and d.document_id = i.document_id
where d.teacher_key is null;
