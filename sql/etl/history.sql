-- The latest batches, newest first ($1 limit).
select batch_key as batch,
       file_name,
       kind,
       file_sha256 as sha256,
       rows_read,
       rows_loaded,
       rows_rejected,
       status,
       to_char(started_at, 'YYYY-MM-DD HH24:MI:SS') as started,
       round(extract(epoch from (coalesce(finished_at, clock_timestamp()) - started_at))::numeric, 2) as seconds,
       message
from dw.etl_batch
order by batch_key desc
limit $1::integer
