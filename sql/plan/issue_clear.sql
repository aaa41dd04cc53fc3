-- A re-issue replaces the snapshot: the rows of academic year $1 (start year) of any issue
-- other than $2 (the one being written) go.
delete from dw.plan_order_issued_row
where academic_year_key = $1::integer
  and plan_order_issue_key <> $2::bigint
