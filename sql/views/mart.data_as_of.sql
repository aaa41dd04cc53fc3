-- The last batch that loaded data and when it finished: the "data as of" line of every
-- document's header block. One row, or none before the first load; none for a login that
-- is granted no school (it reads nothing of mart).
create or replace view mart.data_as_of with (security_barrier = true) as
with scope as (
    select dw.readable_school_codes(current_user) as codes
)
select b.batch_key as batch_number,
       b.finished_at as loaded_at
from dw.etl_batch as b
cross join scope as s
where
    b.status = 'loaded'
    and (s.codes is null or cardinality(s.codes) > 0)
order by b.batch_key desc
limit 1;

grant select on mart.data_as_of to pdmon_reader;

comment on view mart.data_as_of is
    'The last batch that loaded data (one row; none before the first load). / Последний загруженный пакет (одна строка; до первой загрузки — ни одной).';
comment on column mart.data_as_of.batch_number is
    'Number of the batch (dw.etl_batch). / Номер пакета.';
comment on column mart.data_as_of.loaded_at is
    'When the batch finished loading. / Когда пакет загружен.';
