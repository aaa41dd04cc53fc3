-- Closes a batch: $1 batch_key, $2 status, $3 rows read, $4 rows loaded, $5 rows rejected, $6 message.
-- The time is read once in a CTE: Citus refuses a volatile function (clock_timestamp) in an
-- update of a reference table such as dw.etl_batch, but plans a CTE of one as a value
-- computed on the coordinator; PostgreSQL does the same either way.
with finished as (
    select clock_timestamp() as finished_at
)

update dw.etl_batch as b
set status = $2,
    rows_read = $3::bigint,
    rows_loaded = $4::bigint,
    rows_rejected = $5::bigint,
    message = $6,
    finished_at = greatest(f.finished_at, b.started_at)
from finished as f
where b.batch_key = $1::bigint
