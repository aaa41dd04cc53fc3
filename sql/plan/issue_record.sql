-- Records one issue of the plan-order of academic year $1 (start year) with $2 rows, naming
-- the year's previous issue, which it replaces. Returns the issue's key, its time and the
-- replaced issue's time (null for a first issue).
with previous as (
    select
        p.plan_order_issue_key,
        p.issued_at
    from dw.plan_order_issue as p
    where p.academic_year_key = $1::integer
    order by p.issued_at desc, p.plan_order_issue_key desc
    limit 1
),

issued as (
    insert into dw.plan_order_issue (academic_year_key, issued_rows, replaced_issue_key)
    select
        $1::integer,
        $2::integer,
        (select pr.plan_order_issue_key from previous as pr)
    returning plan_order_issue_key, issued_at
)

select
    i.plan_order_issue_key,
    i.issued_at,
    (select pr.issued_at from previous as pr) as replaced_issued_at
from issued as i
