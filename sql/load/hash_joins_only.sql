-- For the rest of the transaction or until nested_loops_allowed.sql: no nested loops.
-- The direct path's key check reads fact rows just copied, which have no statistics yet: the
-- planner guesses a few thousand and probes the dimensions' indexes row by row (1.4 s for
-- 1 000 000 rows); hash joins take 0.4 s.
set local enable_nestloop = off
