-- Every teacher gets the pseudonym of the new key; teacher_key stays, so the facts
-- are untouched.
update dw.dim_teacher as t
set teacher_pseudonym = m.new_pseudonym
from rekey_map as m
where m.old_pseudonym = t.teacher_pseudonym
