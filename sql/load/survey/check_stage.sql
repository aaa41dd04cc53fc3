-- Referential integrity of one census batch, set-based: staged rows whose keys or codes are
-- missing from their dimensions. Must be 0.
select count(*) as orphan_rows
from stage_teacher_year as s
left join dw.dim_teacher as t on t.teacher_key = s.teacher_key
left join dw.dim_school as sc on sc.school_key = s.school_key
left join dw.dim_academic_year as y on y.academic_year_key = s.academic_year_key
where t.teacher_key is null
   or sc.school_key is null
   or y.academic_year_key is null
   or exists (
       select 1
       from unnest(s.deficit_codes) as u (code)
       where not exists (
           select 1
           from dw.dim_deficit_area as a
           where a.code = u.code
       )
   )
   or exists (
       select 1
       from unnest(s.expert_role_codes) as u (code)
       where not exists (
           select 1
           from dw.dim_expert_role as r
           where r.code = u.code
       )
   )
