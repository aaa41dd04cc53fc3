-- Per indicator: the theme of the recommendations on it and what its denominator counts
-- (mart.recommendation_indicator). An indicator without a row is in theme 'other'.
select indicator_id, theme_id, counts
from mart.recommendation_indicator
order by indicator_id
