-- Stores the rows of one indicator definition with their value: percent
-- indicators 100 × numerator / denominator, hours indicators numerator /
-- denominator, both rounded half away from zero to one decimal (numeric round),
-- null for a zero denominator. $1 is the indicator id, $4 the academic years this
-- definition (version) computes: MartRefresher binds $4 in place of the definition's
-- dw.refresh_years() too, so the definition reads only those years, on a Citus
-- worker as well (the filter here states the contract once more). A full refresh ($2 true) stores every row of those years; an
-- incremental one only the school rows of the cells in mart_scope within the
-- indicator's window ($3: 1 or 3 years) and the city rows. MartRefresher puts the
-- text of sql/indicators/<id>.sql in place of the lines from "@definition-begin"
-- through "@definition-end"; the placeholder between them (no rows, the
-- contract's columns) keeps this file a statement of its own.
with definition as (
    -- @definition-begin
    select
        null::integer as academic_year_key,
        null::text as grain,
        null::text as school_code,
        null::bigint as numerator,
        null::bigint as denominator
    where false
    -- @definition-end
)
insert into dw.agg_indicator_value
    (indicator_id, academic_year_key, grain, school_code, numerator, denominator, value)
select i.indicator_id,
       d.academic_year_key,
       d.grain,
       d.school_code,
       d.numerator,
       d.denominator,
       case when d.denominator = 0 then null
            when i.unit = 'percent' then round(100.0 * d.numerator / d.denominator, 1)
            else round(d.numerator::numeric / d.denominator, 1)
       end as value
from definition as d
inner join dw.indicator as i on i.indicator_id = $1::text
where d.academic_year_key = any($4::integer[])
  and (
      $2::boolean
      or d.grain = 'city'
      or exists (
          select 1
          from mart_scope as s
          where s.academic_year_key = d.academic_year_key
            and s.school_code = d.school_code
            and s.window_years <= $3::integer
      )
  )
