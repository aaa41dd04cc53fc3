-- Is the mart behind the loads? A loaded batch no completed refresh covered
-- (dw.mart_covered_batch: a batch that committed after a refresh read the facts is
-- uncovered even when its key is smaller), the newest loaded batch, the newest batch
-- covered by a completed refresh, and the last refresh's outcome.
with last_loaded as (
    select max(b.batch_key) as batch_key
    from dw.etl_batch as b
    where b.status = 'loaded'
),

last_completed as (
    select
        r.covers_batch_key,
        r.finished_at
    from dw.mart_refresh as r
    where r.status = 'completed'
    order by r.refresh_key desc
    limit 1
),

uncovered as (
    select count(*) as batches
    from dw.etl_batch as b
    where b.status = 'loaded'
      and not exists (
          select 1
          from dw.mart_covered_batch as m
          inner join dw.mart_refresh as r on r.refresh_key = m.refresh_key
          where m.batch_key = b.batch_key
            and r.status = 'completed'
      )
),

last_refresh as (
    select
        r.status,
        r.message
    from dw.mart_refresh as r
    order by r.refresh_key desc
    limit 1
)

select
    l.batch_key as last_loaded_batch_key,
    c.covers_batch_key as covered_batch_key,
    to_char(c.finished_at, 'YYYY-MM-DD HH24:MI:SS') as completed_at,
    r.status as last_status,
    r.message as last_message,
    u.batches > 0 as is_needed
from last_loaded as l
cross join uncovered as u
left join last_completed as c on true
left join last_refresh as r on true
