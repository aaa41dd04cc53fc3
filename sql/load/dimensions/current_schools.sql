-- The current version of every school: code → key (rows of other files must name one).
select
    school_code,
    school_key
from dw.dim_school
where is_current
