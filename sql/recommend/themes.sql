-- The themes recommendations are grouped under, in listing order (dw.recommendation_theme).
select theme_id, name_ru, name_en
from dw.recommendation_theme
order by sort_order, theme_id
