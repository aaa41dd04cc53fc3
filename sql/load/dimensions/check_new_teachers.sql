-- The batch that a COPY of new teachers (copy_new_teachers.sql) names in
-- first_seen_batch_key exists: every row of that COPY carries the same batch key
-- $1, so one probe of dw.etl_batch checks them all (migration 0130 replaced the
-- row-by-row foreign key). Must be 0, else the loader rolls the batch back.
select
    (not exists (
        select from dw.etl_batch as b
        where b.batch_key = $1::bigint
    ))::int as missing_batches
