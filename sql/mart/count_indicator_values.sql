-- The number of stored indicator values, reported by the refresh.
select count(*) as indicator_values from dw.agg_indicator_value
