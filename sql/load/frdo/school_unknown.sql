-- After the merge and load/derived/register_enrolments.sql: the lines of the file whose
-- document gives a completion whose school is still unknown (the teacher is in no census of
-- the document's year or an earlier one). Reported as notices (school_unknown);
-- load/derived/register_enrolments.sql gives the enrolment its school when such a census loads.
select s.line_number
from stage_document as s
inner join dw.fact_qualification_document as d
    on d.teacher_key = s.teacher_key and d.document_id = decode(s.document_id, 'hex')
inner join dw.fact_course_enrolment as e
    on e.teacher_key = d.teacher_key and e.document_key = d.document_key
where e.school_key is null
order by s.line_number
