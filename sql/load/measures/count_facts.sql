-- Every stored measure (the load reports the count before and after).
select count(*) as facts
from dw.measure
