-- The batches a completed refresh ($1: its refresh_key) read: covered from now on (a batch
-- whose earlier refresh is no longer recorded is covered again by this one).
insert into dw.mart_covered_batch (batch_key, refresh_key)
select u.batch_key, $1::bigint
from mart_uncovered as u
on conflict (batch_key) do update set refresh_key = excluded.refresh_key
