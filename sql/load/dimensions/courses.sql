-- Every course member with its key: the loader keys the file's courses by the whole member.
select
    course_key,
    course_title,
    program_kind,
    hours,
    delivery,
    focus_area_key,
    provider,
    funding
from dw.dim_course
