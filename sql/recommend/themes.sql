-- The themes recommendations are grouped under, in listing order (mart.recommendation_theme).
select theme_id, name_ru, name_en
from mart.recommendation_theme
order by sort_order, theme_id
