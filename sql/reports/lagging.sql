-- name: lagging
-- description: Schools whose indicator got worse since the previous academic year, worst first, with the city's change beside / ОО, у которых показатель ухудшился по сравнению с прошлым учебным годом (сначала наибольшее ухудшение), рядом изменение по городу
-- param: indicator text required -- indicator id, e.g. pd_coverage_3y
-- param: year academic_year optional -- the academic year to look at; the latest with values when not given
-- param: school text[] optional -- school codes; all when not given
--
-- "Worse" knows the indicator's direction: a fall when higher is better, a rise
-- when lower is better. change = value - previous_value (percentage points for
-- percent indicators).
with target as (
    select coalesce(
               split_part($2::text, '-', 1)::integer,
               (
                   select max(y.year_start)
                   from mart.school_year_indicator as y
                   where y.indicator_id = $1::text
               )
           ) as year_start
)
select cur.indicator_id as indicator,
       cur.school_code,
       cur.school_name,
       prev.academic_year as previous_year,
       cur.academic_year,
       prev.value as previous_value,
       cur.value,
       cur.value - prev.value as change,
       city_cur.value - city_prev.value as city_change
from target
inner join mart.school_year_indicator as cur
  on cur.year_start = target.year_start and cur.indicator_id = $1::text
inner join mart.school_year_indicator as prev
  on prev.indicator_id = cur.indicator_id and prev.school_code = cur.school_code
 and prev.year_start = target.year_start - 1
left join mart.city_year_indicator as city_cur
  on city_cur.indicator_id = cur.indicator_id and city_cur.year_start = target.year_start
left join mart.city_year_indicator as city_prev
  on city_prev.indicator_id = cur.indicator_id and city_prev.year_start = target.year_start - 1
where (cur.value - prev.value) * case when cur.direction = 'lower' then -1 else 1 end < 0
  and ($3::text[] is null or cur.school_code = any($3::text[]))
order by (cur.value - prev.value) * case when cur.direction = 'lower' then -1 else 1 end, cur.school_code
