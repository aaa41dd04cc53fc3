-- The settings of one batch's transaction ($1 batch_key), both local to it:
-- room for the batch's hash joins (key check, merge) and its staging table in memory (the
-- defaults, 4 MB and 8 MB, made them spill to disk), and the batch key the merges stamp on the
-- rows they write (current_setting('pdmon.batch_key')).
select
    set_config('work_mem', '64MB', true) as work_mem,
    set_config('pdmon.batch_key', $1, true) as batch_key
