-- What a measure may answer (docs/exports.md §5.6): every catalogued indicator, and every
-- recommendation rule with the indicator it reads (null for a rule of no single indicator).
select
    'indicator' as aim,
    i.indicator_id as code,
    null::text as indicator_id
from dw.indicator as i
union all
select
    'rule' as aim,
    r.rule_id as code,
    r.indicator_id
from dw.recommendation_rule as r
