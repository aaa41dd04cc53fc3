-- Every school code of the warehouse with its current name (or its latest when none is
-- current), by code: the schools a role may be granted.
with named as (
    select s.school_code,
           s.name,
           row_number() over (partition by s.school_code order by s.is_current desc, s.school_key desc) as newest
    from dw.dim_school as s
)

select n.school_code, n.name
from named as n
where n.newest = 1
order by n.school_code
