-- The effect of the measures of academic year $1 - 1 ($1 = start year of Y): for each
-- measure, the indicator it aims at in Y-1 and Y at its level, the change, and the pooled
-- value and change of the comparison group (schools with the indicator in both years and no
-- measure aimed at it in Y-1; none for a measure of the city). Definitions:
-- sql/cycle/README.md. Reads mart only.
with measure as (
    select m.measure_number,
           m.level,
           m.school_code,
           m.school_name,
           m.rule_id,
           m.indicator_id,
           m.indicator_name_ru,
           m.indicator_name_en,
           m.measure_text,
           m.measure_date,
           m.responsible_role
    from mart.measure as m
    where m.year_start = $1::integer - 1
),

school_value as (
    select v.indicator_id,
           v.school_code,
           v.year_start,
           v.numerator,
           v.denominator,
           v.value
    from mart.school_year_indicator as v
    where v.year_start in ($1::integer - 1, $1::integer)
),

city_value as (
    select c.indicator_id,
           c.year_start,
           c.denominator,
           c.value
    from mart.city_year_indicator as c
    where c.year_start in ($1::integer - 1, $1::integer)
),

own as (
    select m.measure_number,
           max(coalesce(v.value, c.value)) filter (
               where coalesce(v.year_start, c.year_start) = $1::integer - 1
           ) as value_before,
           max(coalesce(v.denominator, c.denominator)) filter (
               where coalesce(v.year_start, c.year_start) = $1::integer - 1
           ) as denominator_before,
           max(coalesce(v.value, c.value)) filter (
               where coalesce(v.year_start, c.year_start) = $1::integer
           ) as value_after,
           max(coalesce(v.denominator, c.denominator)) filter (
               where coalesce(v.year_start, c.year_start) = $1::integer
           ) as denominator_after
    from measure as m
    left join school_value as v
        on m.level = 'school' and v.indicator_id = m.indicator_id and v.school_code = m.school_code
    left join city_value as c
        on m.level = 'city' and c.indicator_id = m.indicator_id
    group by m.measure_number
),

panel as (
    select b.indicator_id,
           b.school_code,
           b.numerator as numerator_before,
           b.denominator as denominator_before,
           a.numerator as numerator_after,
           a.denominator as denominator_after
    from school_value as b
    inner join school_value as a
        on a.indicator_id = b.indicator_id and a.school_code = b.school_code and a.year_start = $1::integer
    where b.year_start = $1::integer - 1
      and b.denominator > 0
      and a.denominator > 0
),

comparison as (
    select m.measure_number,
           count(*) as schools,
           sum(p.numerator_before) as numerator_before,
           sum(p.denominator_before) as denominator_before,
           sum(p.numerator_after) as numerator_after,
           sum(p.denominator_after) as denominator_after
    from measure as m
    inner join panel as p on p.indicator_id = m.indicator_id
    where m.level = 'school'
      and not exists (
          select 1
          from measure as x
          where x.indicator_id = p.indicator_id and x.school_code = p.school_code)
    group by m.measure_number
),

pooled as (
    select c.measure_number,
           c.schools,
           c.denominator_before,
           c.denominator_after,
           round((case when i.unit = 'percent' then 100 else 1 end) * c.numerator_before / c.denominator_before, 1)
               as value_before,
           round((case when i.unit = 'percent' then 100 else 1 end) * c.numerator_after / c.denominator_after, 1)
               as value_after
    from comparison as c
    inner join measure as m on m.measure_number = c.measure_number
    inner join mart.indicator as i on i.indicator_id = m.indicator_id
)

select m.measure_number,
       m.level,
       m.school_code,
       m.school_name,
       m.rule_id,
       m.indicator_id,
       m.indicator_name_ru,
       m.indicator_name_en,
       i.unit,
       i.direction,
       m.measure_text,
       m.measure_date,
       m.responsible_role,
       o.value_before,
       o.denominator_before,
       o.value_after,
       o.denominator_after,
       o.value_after - o.value_before as change,
       p.schools as comparison_schools,
       p.value_before as comparison_before,
       p.denominator_before as comparison_denominator_before,
       p.value_after as comparison_after,
       p.denominator_after as comparison_denominator_after,
       p.value_after - p.value_before as comparison_change,
       (o.value_after - o.value_before) - (p.value_after - p.value_before) as difference
from measure as m
inner join own as o on o.measure_number = m.measure_number
inner join mart.indicator as i on i.indicator_id = m.indicator_id
left join pooled as p on p.measure_number = m.measure_number
order by case m.level when 'city' then 0 else 1 end, m.school_code, m.indicator_id, m.measure_date, m.measure_number
