-- fill_missing_indicator_values.sql for one indicator ($1) of an incremental refresh:
-- every cell of mart_scope within its window ($2) that has data, and the city of those
-- cells' years, gets a row; numerator and denominator 0 and value null where the
-- definition returned none.
with cells as (
    select u.academic_year_key, 'school' as grain, u.school_code
    from mart_universe as u
    inner join mart_scope as s
        on s.academic_year_key = u.academic_year_key and s.school_code = u.school_code
    where s.window_years <= $2::integer
    union all
    select u.academic_year_key, 'city', null::text
    from mart_universe as u
    where u.school_code is null
      and exists (
          select 1
          from mart_scope as s
          where s.academic_year_key = u.academic_year_key
            and s.window_years <= $2::integer
      )
)
insert into dw.agg_indicator_value
    (indicator_id, academic_year_key, grain, school_code, numerator, denominator, value)
select $1::text, c.academic_year_key, c.grain, c.school_code, 0, 0, null
from cells as c
where not exists (
    select 1
    from dw.agg_indicator_value as v
    where v.indicator_id = $1::text
      and v.academic_year_key = c.academic_year_key
      and v.grain = c.grain
      and v.school_code is not distinct from c.school_code
)
