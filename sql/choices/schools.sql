-- The schools with indicator values in the mart ($1: an academic year, or null for any), by
-- code, with their latest name: what a report's school may be. Reads only mart.
with named as (
    select s.school_code,
           s.school_name,
           row_number() over (partition by s.school_code order by s.year_start desc) as newest
    from mart.school_year_indicator as s
    where $1::text is null or s.academic_year = $1::text
)
select n.school_code, n.school_name
from named as n
where n.newest = 1
order by n.school_code
