-- Every teacher: pseudonym (as lower-case hex, as the loader computes it) → key.
select
    encode(teacher_pseudonym, 'hex') as teacher_pseudonym,
    teacher_key
from dw.dim_teacher
