-- The recommendation rules (dw.recommendation_rule, read through mart.recommendation_rule so
-- that a reader's login can run pdmon recommend), all, enabled or not, by priority.
-- Read by pdmon recommend before a rules file (--rules) overrides or extends them.
select rule_id, priority, scope, indicator_id, measure, comparison, threshold::text,
       second_indicator_id, second_measure, second_comparison, second_threshold::text, combine,
       min_denominator, text_ru, text_en, is_enabled, theme_id
from mart.recommendation_rule
order by priority, rule_id
