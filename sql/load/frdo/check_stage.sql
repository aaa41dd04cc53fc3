-- Referential integrity of one ФИС ФРДО batch, set-based (the facts declare no foreign keys):
-- the number of staged rows whose keys are missing from their dimensions. Must be 0.
select count(*) as orphan_rows
from stage_document as s
left join dw.dim_teacher as t on t.teacher_key = s.teacher_key
left join dw.dim_course as c on c.course_key = s.course_key
left join dw.dim_academic_year as y on y.academic_year_key = s.academic_year_key
left join dw.dim_date as d on d.date_key = s.issue_date_key
where t.teacher_key is null
   or c.course_key is null
   or y.academic_year_key is null
   or d.date_key is null
