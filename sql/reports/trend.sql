-- name: trend
-- description: One indicator over academic years, per school or for the city / Динамика показателя по учебным годам, по ОО или по городу
-- param: indicator text required -- indicator id, e.g. pd_coverage_3y
-- param: from academic_year optional -- first academic year; the earliest when not given
-- param: to academic_year optional -- last academic year; the latest when not given
-- param: by text optional -- school (default) or city
-- param: school text[] optional -- school codes; all schools when not given
--
-- Long form: one row per school (or the city) and year. `pdmon report trend`
-- pivots it to one column per year with the change over the last two years.
-- goal_value: the year's target (mart.indicator_target) of the school, else of the city;
-- null when none; goal_gap = value - goal_value (negative: short of the target for a
-- higher-is-better indicator). goal_source names its document and date.
with v as (
    select indicator_id, school_code, school_name, academic_year, year_start,
           numerator, denominator, value, unit, direction
    from mart.school_year_indicator
    where coalesce($4::text, 'school') = 'school'
    union all
    select indicator_id, null::text, null::text, academic_year, year_start,
           numerator, denominator, value, unit, direction
    from mart.city_year_indicator
    where $4::text = 'city'
),
t as (
    select indicator_id, year_start, school_code, target_value,
           source_document || coalesce(' (' || to_char(source_date, 'DD.MM.YYYY') || ')', '') as target_source
    from mart.indicator_target
    where indicator_id = $1::text
)
select v.indicator_id as indicator,
       v.school_code,
       v.school_name,
       v.academic_year,
       v.year_start,
       v.numerator,
       v.denominator,
       v.value,
       v.unit,
       v.direction,
       coalesce(ts.target_value, tc.target_value) as goal_value,
       v.value - coalesce(ts.target_value, tc.target_value) as goal_gap,
       case when ts.target_value is not null then ts.target_source else tc.target_source end as goal_source
from v
left join t as ts on ts.year_start = v.year_start and ts.school_code = v.school_code
left join t as tc on tc.year_start = v.year_start and tc.school_code is null
where v.indicator_id = $1::text
  and ($2::text is null or v.year_start >= split_part($2::text, '-', 1)::integer)
  and ($3::text is null or v.year_start <= split_part($3::text, '-', 1)::integer)
  and (v.school_code is null or $5::text[] is null or v.school_code = any($5::text[]))
order by v.school_code nulls last, v.year_start
