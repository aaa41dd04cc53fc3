-- Is the mart behind the loads? The newest loaded batch against the newest
-- batch covered by a completed refresh, and the last refresh's outcome.
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
    l.batch_key is not null
    and (c.finished_at is null or l.batch_key > coalesce(c.covers_batch_key, 0)) as is_needed
from last_loaded as l
left join last_completed as c on true
left join last_refresh as r on true
