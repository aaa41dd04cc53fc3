-- Opens a batch for one file: $1 file name, $2 sha256, $3 kind, $4 is_dry_run.
insert into dw.etl_batch (file_name, file_sha256, kind, status, is_dry_run)
values ($1, $2, $3, 'running', $4::boolean)
returning batch_key
