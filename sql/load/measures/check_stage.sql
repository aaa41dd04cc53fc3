-- Integrity of one measures batch, set-based: staged rows whose year, rule or indicator is
-- missing from the warehouse. The validator checked rule and indicator already; must be 0.
select count(*) as orphan_rows
from stage_measure as s
left join dw.dim_academic_year as y on y.academic_year_key = s.academic_year_key
left join dw.indicator as i on i.indicator_id = s.indicator_id
left join dw.recommendation_rule as r on r.rule_id = s.rule_id
where y.academic_year_key is null
   or i.indicator_id is null
   or (s.rule_id is not null and r.rule_id is null)
