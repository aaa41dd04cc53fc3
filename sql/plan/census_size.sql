-- Teachers in the census of academic year $1 (its start year) that the reader sees: the
-- plan-order of the next year needs one. Reads mart only (what pdmon_reader can read).
select count(*) as teachers
from mart.teacher_year
where year_start = $1::integer
