-- The refresh rebuilds the values as a whole (inside its transaction, so
-- readers keep seeing the previous values until it commits).
delete from dw.agg_indicator_value
