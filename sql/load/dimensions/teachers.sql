-- Every teacher: pseudonym → key.
select
    teacher_pseudonym,
    teacher_key
from dw.dim_teacher
