-- Referential integrity of one targets batch, set-based: the staged rows whose indicator,
-- academic year or school is missing from its dimension. Must be 0 (the validator already
-- refused such rows; this is the same check the other kinds make before their merge).
select count(*) as orphan_rows
from stage_indicator_target as s
left join dw.indicator as i on i.indicator_id = s.indicator_id
left join dw.dim_academic_year as y on y.academic_year_key = s.academic_year_key
left join dw.dim_school as sc on sc.school_code = s.school_code and sc.is_current
where i.indicator_id is null
   or y.academic_year_key is null
   or (s.school_code is not null and sc.school_key is null)
