-- Deficit areas: code → key (a course's focus area).
select
    code,
    deficit_area_key
from dw.dim_deficit_area
