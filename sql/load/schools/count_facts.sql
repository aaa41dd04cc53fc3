-- The directory's size as the load reports it: the current version of every school.
select count(*) as facts
from dw.dim_school
where is_current
