-- Referential integrity of one request batch, set-based: the number of staged rows whose keys
-- are missing from their dimensions (a counted row has no teacher). Must be 0.
select count(*) as orphan_rows
from stage_request as s
left join dw.dim_teacher as t on t.teacher_key = s.teacher_key
left join dw.dim_school as sc on sc.school_key = s.school_key
left join dw.dim_deficit_area as a on a.deficit_area_key = s.focus_area_key
left join dw.dim_academic_year as y on y.academic_year_key = s.academic_year_key
where (s.teacher_key is not null and t.teacher_key is null)
   or sc.school_key is null
   or (s.focus_area_key is not null and a.deficit_area_key is null)
   or y.academic_year_key is null
