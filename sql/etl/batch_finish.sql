-- Closes a batch: $1 batch_key, $2 status, $3 rows read, $4 rows loaded, $5 rows rejected, $6 message.
update dw.etl_batch
set status = $2,
    rows_read = $3::bigint,
    rows_loaded = $4::bigint,
    rows_rejected = $5::bigint,
    message = $6,
    finished_at = greatest(clock_timestamp(), started_at)
where batch_key = $1::bigint
