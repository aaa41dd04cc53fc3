-- Referential integrity of one enrolment batch loaded straight into the fact table (a first
-- load of its years), set-based: the batch's fact rows whose keys are missing from their
-- dimensions. Must be 0, else the loader rolls the batch back. $1 is the batch key.
select count(*) as orphan_rows
from dw.fact_course_enrolment as s
left join dw.dim_teacher as t on t.teacher_key = s.teacher_key
left join dw.dim_school as sc on sc.school_key = s.school_key
left join dw.dim_course as c on c.course_key = s.course_key
left join dw.dim_academic_year as y on y.academic_year_key = s.academic_year_key
left join dw.dim_date as sd on sd.date_key = s.start_date_key
left join dw.dim_date as ed on ed.date_key = s.end_date_key
where s.batch_key = $1::bigint
  and (t.teacher_key is null
   or sc.school_key is null
   or c.course_key is null
   or y.academic_year_key is null
   or sd.date_key is null
   or ed.date_key is null)
