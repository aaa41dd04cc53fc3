-- Every ФИС ФРДО document (the load reports the count before and after).
select count(*) as facts
from dw.fact_qualification_document
