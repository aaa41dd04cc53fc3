-- Per indicator: the theme of the recommendations on it and what its denominator
-- counts (dw.recommendation_indicator), for pdmon recommend under a reader's login.
create or replace view mart.recommendation_indicator with (security_barrier = true) as
select r.indicator_id,
       r.theme_id,
       r.counts
from dw.recommendation_indicator as r
where coalesce(cardinality((select dw.readable_school_codes(current_user))) > 0, true);

grant select on mart.recommendation_indicator to pdmon_reader;

comment on view mart.recommendation_indicator is
    'Per indicator, the theme of its recommendations and what its denominator counts. / Тема рекомендаций по показателю и что считает его знаменатель.';
comment on column mart.recommendation_indicator.indicator_id is
    'Indicator id (mart.indicator). / Код показателя.';
comment on column mart.recommendation_indicator.theme_id is
    'Theme (mart.recommendation_theme). / Тема.';
comment on column mart.recommendation_indicator.counts is
    'teachers, young_teachers, leaders, enrolments or none. / Что считает знаменатель.';
