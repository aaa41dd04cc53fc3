-- The last batch that loaded data: its number and when it finished (the "data as of" line of
-- every document's header block). No row before the first load.
select b.batch_key,
       to_char(b.finished_at, 'YYYY-MM-DD HH24:MI') as loaded_at
from dw.etl_batch as b
where b.status = 'loaded'
order by b.batch_key desc
limit 1
