-- The last successful load of a file with this content ($1 sha256), if any.
select batch_key, file_name, to_char(finished_at, 'YYYY-MM-DD HH24:MI') as finished
from dw.etl_batch
where file_sha256 = $1
  and status = 'loaded'
  and not is_dry_run
order by batch_key desc
limit 1
