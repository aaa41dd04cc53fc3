-- Records a completed refresh inside its own transaction: the newest loaded batch
-- it saw (repeatable read: the same snapshot the values were computed from) and
-- the number of values. $1 is that number.
insert into dw.mart_refresh (status, covers_batch_key, indicator_values)
select
    'completed' as status,
    max(b.batch_key) as covers_batch_key,
    $1::integer as indicator_values
from dw.etl_batch as b
where b.status = 'loaded'
