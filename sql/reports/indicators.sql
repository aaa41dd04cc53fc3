-- name: indicators
-- description: Indicator values per school or for the city in one academic year / Значения показателей по ОО или по городу за учебный год
-- param: year academic_year required -- academic year, e.g. 2023-2024
-- param: by text optional -- school (default) or city
-- param: school text[] optional -- school codes; all schools when not given
-- param: indicator text[] optional -- indicator ids; all indicators when not given
--
-- One row per school (or the city), year and indicator; the school's current name beside
-- its code. Reads only mart, so an
-- analyst with the pdmon_reader role can run it too.
with v as (
    select academic_year, school_code, school_name, indicator_id, numerator, denominator, value
    from mart.school_year_indicator
    where coalesce($2::text, 'school') = 'school'
    union all
    select academic_year, null::text, null::text, indicator_id, numerator, denominator, value
    from mart.city_year_indicator
    where $2::text = 'city'
)
select v.academic_year,
       v.school_code,
       v.school_name,
       v.indicator_id as indicator,
       v.numerator,
       v.denominator,
       v.value
from v
inner join mart.indicator as i on i.indicator_id = v.indicator_id
where v.academic_year = $1::text
  and (v.school_code is null or $3::text[] is null or v.school_code = any($3::text[]))
  and ($4::text[] is null or v.indicator_id = any($4::text[]))
order by v.school_code nulls last, i.sort_order
