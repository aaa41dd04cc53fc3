-- The recommendation rules (dw.recommendation_rule), for pdmon recommend under a
-- reader's login. Columns and meanings as in the table (migration 0040, 0080).
create or replace view mart.recommendation_rule with (security_barrier = true) as
select r.rule_id,
       r.priority,
       r.scope,
       r.indicator_id,
       r.measure,
       r.comparison,
       r.threshold,
       r.second_indicator_id,
       r.second_measure,
       r.second_comparison,
       r.second_threshold,
       r.combine,
       r.min_denominator,
       r.text_ru,
       r.text_en,
       r.is_enabled,
       r.theme_id
from dw.recommendation_rule as r
where coalesce(cardinality((select dw.readable_school_codes(current_user))) > 0, true);

grant select on mart.recommendation_rule to pdmon_reader;

comment on view mart.recommendation_rule is
    'Recommendation rules of pdmon recommend (dw.recommendation_rule): when a rule fires and its texts. / Правила рекомендаций: условие и тексты.';
comment on column mart.recommendation_rule.rule_id is
    'Rule id. / Код правила.';
comment on column mart.recommendation_rule.priority is
    'Priority (lower first). / Приоритет.';
comment on column mart.recommendation_rule.scope is
    'school, city or both. / Для ОО, города или обоих.';
comment on column mart.recommendation_rule.indicator_id is
    'Indicator the rule checks; null: every indicator. / Показатель; пусто — каждый.';
comment on column mart.recommendation_rule.measure is
    'value, worsening or gap_to_city. / Что сравнивается.';
comment on column mart.recommendation_rule.comparison is
    '<, <=, > or >=. / Сравнение.';
comment on column mart.recommendation_rule.threshold is
    'Threshold. / Порог.';
comment on column mart.recommendation_rule.second_indicator_id is
    'Indicator of the second condition. / Показатель второго условия.';
comment on column mart.recommendation_rule.second_measure is
    'Measure of the second condition. / Мера второго условия.';
comment on column mart.recommendation_rule.second_comparison is
    'Comparison of the second condition. / Сравнение второго условия.';
comment on column mart.recommendation_rule.second_threshold is
    'Threshold of the second condition. / Порог второго условия.';
comment on column mart.recommendation_rule.combine is
    'and or or: how the two conditions combine. / Как сочетаются условия.';
comment on column mart.recommendation_rule.min_denominator is
    'Smallest denominator the rule fires on. / Наименьший знаменатель.';
comment on column mart.recommendation_rule.text_ru is
    'Recommendation text in Russian (template). / Текст рекомендации.';
comment on column mart.recommendation_rule.text_en is
    'Recommendation text in English (template). / Текст рекомендации (англ.).';
comment on column mart.recommendation_rule.is_enabled is
    'Whether the rule is used. / Правило действует.';
comment on column mart.recommendation_rule.theme_id is
    'Theme of the rule''s recommendations (mart.recommendation_theme). / Тема.';
