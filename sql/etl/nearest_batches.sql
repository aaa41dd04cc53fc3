-- The load batches nearest to a batch number ($1), nearest first: the batch itself when it
-- exists, else what `etl rejects --batch` suggests.
select b.batch_key, b.file_name
from dw.etl_batch as b
order by abs(b.batch_key - $1::bigint), b.batch_key desc
limit 5
