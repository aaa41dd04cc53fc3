-- Records a completed refresh inside its own transaction: the newest loaded batch
-- it saw (repeatable read: the same snapshot the values were computed from), the
-- number of values ($1), full or incremental ($2), the school-year cells recomputed
-- ($3) and the digest of the definitions used ($4). Returns its refresh_key.
insert into dw.mart_refresh (status, covers_batch_key, indicator_values, mode, cells, definitions_digest)
select
    'completed' as status,
    max(b.batch_key) as covers_batch_key,
    $1::integer as indicator_values,
    $2::text as mode,
    $3::integer as cells,
    $4::text as definitions_digest
from dw.etl_batch as b
where b.status = 'loaded'
returning refresh_key
