-- Records one measure (pdmon measures add): $1 academic year (start), $2 school code (null:
-- the city), $3 rule, $4 indicator, $5 text, $6 date (yyyymmdd), $7 responsible role. The
-- same measure twice is recorded once. Returns its key and whether this call wrote it.
with added as (
    insert into dw.measure (
        academic_year_key, school_code, rule_id, indicator_id, measure_text, measure_date_key, responsible_role,
        source
    ) values ($1::integer, $2, $3, $4, $5, $6::integer, $7, 'command')
    on conflict on constraint measure_natural_key do nothing
    returning measure_key
)

select
    a.measure_key,
    true as is_new
from added as a
union all
select
    m.measure_key,
    false as is_new
from dw.measure as m
where m.academic_year_key = $1::integer
  and m.school_code is not distinct from $2
  and m.rule_id is not distinct from $3
  and m.indicator_id = $4
  and m.measure_date_key = $6::integer
  and m.measure_text = $5
  and not exists (select 1 from added)
