-- name: compare
-- description: Two academic years side by side per school and indicator: values, change and rank in each year; the city last / Сравнение двух учебных лет по ОО и показателям: значения, изменение и место в каждом году; город в конце
-- param: base academic_year required -- the earlier (base) academic year
-- param: target academic_year required -- the later (target) academic year
-- param: indicator text[] optional -- indicator ids; all when not given
-- param: school text[] optional -- school codes; all when not given
--
-- Ranks are among all schools with a value that year (1 = best, knowing whether
-- higher or lower is better; ties share a rank), so filtering schools does not
-- change them. change = target_value - base_value (percentage points for
-- percent indicators, hours for hours). caveat is 'n<10' when either year's
-- denominator is under 10: such a percentage swings with one teacher.
-- goal_value: the target (mart.indicator_target) set for the target year, the school's own,
-- else the city's; goal_gap = target_value - goal_value (null without one).
with schools as (
    select distinct school_code, school_name
    from mart.school_year_indicator
    where academic_year in ($1::text, $2::text)
),
pairs as (
    select i.indicator_id, i.sort_order, i.direction, s.school_code, s.school_name,
           b.value as base_value, t.value as target_value,
           b.denominator as base_denominator, t.denominator as target_denominator
    from mart.indicator as i
    cross join schools as s
    left join mart.school_year_indicator as b
           on b.indicator_id = i.indicator_id and b.school_code = s.school_code and b.academic_year = $1::text
    left join mart.school_year_indicator as t
           on t.indicator_id = i.indicator_id and t.school_code = s.school_code and t.academic_year = $2::text
),
ranked as (
    select p.*,
           case when p.base_value is not null then
               rank() over (partition by p.indicator_id, p.base_value is null
                            order by case when p.direction = 'lower' then p.base_value else -p.base_value end)
           end as rank_base,
           case when p.target_value is not null then
               rank() over (partition by p.indicator_id, p.target_value is null
                            order by case when p.direction = 'lower' then p.target_value else -p.target_value end)
           end as rank_target
    from pairs as p
),
city as (
    select i.indicator_id, i.sort_order, i.direction, b.value as base_value, t.value as target_value,
           b.denominator as base_denominator, t.denominator as target_denominator
    from mart.indicator as i
    left join mart.city_year_indicator as b on b.indicator_id = i.indicator_id and b.academic_year = $1::text
    left join mart.city_year_indicator as t on t.indicator_id = i.indicator_id and t.academic_year = $2::text
    where b.indicator_id is not null or t.indicator_id is not null
),
targets as (
    select indicator_id, school_code, target_value
    from mart.indicator_target
    where academic_year = $2::text
),
r as (
    select indicator_id as indicator, sort_order, 0 as is_city, school_code, school_name,
           base_value, target_value, target_value - base_value as change,
           rank_base, rank_target, direction, base_denominator, target_denominator
    from ranked
    where ($4::text[] is null or school_code = any($4::text[]))
    union all
    select indicator_id, sort_order, 1, null, null,
           base_value, target_value, target_value - base_value,
           null, null, direction, base_denominator, target_denominator
    from city
)
select r.indicator, r.school_code, r.school_name, r.base_value, r.target_value, r.change,
       r.rank_base, r.rank_target, r.direction,
       case when r.base_denominator between 1 and 9 or r.target_denominator between 1 and 9 then 'n<10' end as caveat,
       coalesce(ts.target_value, tc.target_value) as goal_value,
       r.target_value - coalesce(ts.target_value, tc.target_value) as goal_gap
from r
left join targets as ts on ts.indicator_id = r.indicator and ts.school_code = r.school_code
left join targets as tc on tc.indicator_id = r.indicator and tc.school_code is null
where ($3::text[] is null or r.indicator = any($3::text[]))
order by r.sort_order, r.is_city, r.school_code
