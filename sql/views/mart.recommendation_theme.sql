-- The themes recommendations are grouped under (dw.recommendation_theme), for
-- pdmon recommend under a reader's login.
create or replace view mart.recommendation_theme with (security_barrier = true) as
select t.theme_id,
       t.sort_order,
       t.name_ru,
       t.name_en
from dw.recommendation_theme as t
where coalesce(cardinality((select dw.readable_school_codes(current_user))) > 0, true);

grant select on mart.recommendation_theme to pdmon_reader;

comment on view mart.recommendation_theme is
    'Themes of the recommendations, in listing order. / Темы рекомендаций.';
comment on column mart.recommendation_theme.theme_id is
    'Theme id. / Код темы.';
comment on column mart.recommendation_theme.sort_order is
    'Position in listings. / Порядок.';
comment on column mart.recommendation_theme.name_ru is
    'Name in Russian. / Название.';
comment on column mart.recommendation_theme.name_en is
    'Name in English. / Название (англ.).';
