-- The rows the refresh wrote.
select count(*) as indicator_values from dw.agg_indicator_value
