-- Before an indicator is recomputed incrementally: its values of the cells in mart_scope
-- within its window ($2: 0, 1 or 3; scope_cells.sql) and its city values of those cells'
-- years. $1 is the indicator id. The temporary table is read through a CTE and joined by
-- `using`: Citus refuses a correlated subquery over a temporary table in a statement that
-- modifies a reference table (sql/citus/README.md).
with scope as (
    select s.academic_year_key, s.school_code
    from mart_scope as s
    where s.window_years <= $2::integer
)
delete from dw.agg_indicator_value as v
using scope as s
where v.indicator_id = $1::text
  and v.academic_year_key = s.academic_year_key
  and (v.grain = 'city' or (v.grain = 'school' and v.school_code = s.school_code))
