-- Every (year, school) with census or enrolment data, and every such year for
-- the city, gets a row for every indicator: where a definition returned none
-- (e.g. an enrolment indicator for a school without enrolments that year), the
-- numerator and denominator are 0 and the value is null.
with universe as (
    select f.academic_year_key, s.school_code
    from dw.fact_teacher_year as f
    inner join dw.dim_school as s on s.school_key = f.school_key
    union
    select e.academic_year_key, s.school_code
    from dw.fact_course_enrolment as e
    inner join dw.dim_school as s on s.school_key = e.school_key
),
cells as (
    select u.academic_year_key, 'school' as grain, u.school_code from universe as u
    union all
    select distinct u.academic_year_key, 'city', null::text from universe as u
)
insert into dw.agg_indicator_value
    (indicator_id, academic_year_key, grain, school_code, numerator, denominator, value)
select i.indicator_id, c.academic_year_key, c.grain, c.school_code, 0, 0, null
from cells as c
cross join dw.indicator as i
where not exists (
    select 1
    from dw.agg_indicator_value as v
    where v.indicator_id = i.indicator_id
      and v.academic_year_key = c.academic_year_key
      and v.grain = c.grain
      and v.school_code is not distinct from c.school_code
)
