-- The rejected rows of one batch ($1 batch_key), in file order. Values are already masked.
select line_number as line,
       column_name as "column",
       value_masked as value,
       reason_code as reason,
       reason_text
from dw.etl_reject
where batch_key = $1::bigint
order by line_number, reject_key
