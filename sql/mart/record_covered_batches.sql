-- The batches a completed refresh ($1: its refresh_key) read: covered from now on.
insert into dw.mart_covered_batch (batch_key, refresh_key)
select u.batch_key, $1::bigint
from mart_uncovered as u
