-- Records a batch that wrote no data (refused, failed or skipped) in one statement:
-- $1 file name, $2 sha256, $3 kind, $4 status, $5 rows read, $6 rows rejected, $7 message.
insert into dw.etl_batch (
    file_name, file_sha256, kind, status, rows_read, rows_loaded, rows_rejected, message, finished_at
)
values ($1, $2, $3, $4, $5::bigint, 0, $6::bigint, $7, clock_timestamp())
returning batch_key
