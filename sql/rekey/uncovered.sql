-- How many teachers of the warehouse no file of the rekey gave an identifier for, and
-- how many there are: every one must be covered.
select
    count(*) filter (where m.old_pseudonym is null) as uncovered,
    count(*) as teachers
from dw.dim_teacher as t
left join rekey_map as m on m.old_pseudonym = t.teacher_pseudonym
