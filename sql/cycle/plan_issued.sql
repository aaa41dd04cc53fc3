-- When the plan-order of academic year $1 (start year) in force was issued, as the reader
-- sees it (no row: no plan was issued, or none of its rows is readable).
select max(o.issued_at) as issued_at
from mart.plan_order_issued as o
where o.year_start = $1::integer
having count(*) > 0
