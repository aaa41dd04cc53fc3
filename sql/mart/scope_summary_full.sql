-- The school-year cells a full refresh recomputes: every one with data.
select count(*) as cells
from mart_universe as u
where u.school_code is not null
