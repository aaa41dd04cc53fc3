-- The last batch that loaded data: its number and when it finished (the "data as of" line of
-- every document's header block), through mart so that a reader login may ask. No row before
-- the first load.
select
    d.batch_number,
    to_char(d.loaded_at, 'YYYY-MM-DD HH24:MI') as loaded_at
from mart.data_as_of as d
