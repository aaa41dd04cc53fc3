-- Every stored request row (the load reports the count before and after).
select count(*) as facts
from dw.school_request
