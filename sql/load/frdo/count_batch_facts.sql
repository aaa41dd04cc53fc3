-- ФИС ФРДО documents written by one batch ($1 batch_key): the ones it added or changed.
select count(*) as facts
from dw.fact_qualification_document
where batch_key = $1::bigint
