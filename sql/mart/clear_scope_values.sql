-- Before an indicator is recomputed incrementally: its values of the cells in mart_scope
-- within its window ($2: 1 or 3 years) and its city values of those cells' years. $1 is
-- the indicator id.
delete from dw.agg_indicator_value as v
where v.indicator_id = $1::text
  and (
      (v.grain = 'school' and exists (
          select 1
          from mart_scope as s
          where s.academic_year_key = v.academic_year_key
            and s.school_code = v.school_code
            and s.window_years <= $2::integer
      ))
      or (v.grain = 'city' and exists (
          select 1
          from mart_scope as s
          where s.academic_year_key = v.academic_year_key
            and s.window_years <= $2::integer
      ))
  )
