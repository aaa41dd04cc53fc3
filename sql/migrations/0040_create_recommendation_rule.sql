-- pdmon:previous-checksum 1e68d5dc7c4aef9e12abb05534721bf416d02181b77a1961bceb896c8e219336
-- Recommendation rules as data: a rule fires for a school (or the city) and an
-- academic year when its condition holds on the indicator values of the mart,
-- and its text template is filled with the figures behind it. `pdmon recommend`
-- reads the enabled rows; a TOML file (--rules FILE) overrides or extends them
-- without a code change. The evaluation is pure Swift (PDReport
-- RecommendationEngine); this table only holds the rules.
--
-- A condition is (indicator, measure, comparison, threshold):
--   measure value        the indicator's value (percent, or hours for avg_pd_hours);
--   measure worsening    how far the value moved in its worse direction since the
--                        previous year, in percentage points (negative = improved);
--   measure gap_to_city  how far the school is worse than the city, in percentage
--                        points (negative = better than the city).
-- An empty indicator means "each percent indicator of the catalogue": the rule is
-- checked, and may fire, once per indicator (rules 11 and 12).
-- A compound rule has a second condition and says how the two combine
-- (and / or): rule 3 (and), rules 8 and 9 (or).
-- A rule never fires on an empty value (zero denominator), nor when a
-- denominator involved is under min_denominator (rules 11 and 12: 10).
--
-- Placeholders in the texts: {indicator} {school} {year} {value} {numerator}
-- {denominator} {missing} (denominator − numerator) {city_value} {previous_value}
-- {change} (signed, value − previous) {worsening} {gap} {threshold}, and for the
-- second condition {second_indicator} {second_value} {second_numerator}
-- {second_denominator} {second_missing} {second_threshold}.
create table dw.recommendation_rule (
    rule_id             text primary key,
    priority            integer not null,
    scope               text not null default 'both',
    indicator_id        text references dw.indicator (indicator_id),
    measure             text not null default 'value',
    comparison          text not null,
    threshold           numeric not null,
    second_indicator_id text references dw.indicator (indicator_id),
    second_measure      text,
    second_comparison   text,
    second_threshold    numeric,
    combine             text,
    min_denominator     integer not null default 0,
    text_ru             text not null,
    text_en             text not null,
    is_enabled          boolean not null default true,
    constraint recommendation_rule_id_format check (rule_id ~ '^[A-Za-z0-9_.-]+$'),
    constraint recommendation_rule_scope_valid check (scope in ('school', 'city', 'both')),
    constraint recommendation_rule_measure_valid check (measure in ('value', 'worsening', 'gap_to_city')),
    constraint recommendation_rule_comparison_valid check (comparison in ('<', '<=', '>', '>=')),
    constraint recommendation_rule_second_measure_valid
        check (second_measure is null or second_measure in ('value', 'worsening', 'gap_to_city')),
    constraint recommendation_rule_second_comparison_valid
        check (second_comparison is null or second_comparison in ('<', '<=', '>', '>=')),
    constraint recommendation_rule_combine_valid check (combine is null or combine in ('and', 'or')),
    constraint recommendation_rule_second_complete check (
        (second_measure is null and second_comparison is null and second_threshold is null and combine is null
            and second_indicator_id is null)
        or (second_measure is not null and second_comparison is not null and second_threshold is not null
            and combine is not null)),
    constraint recommendation_rule_any_indicator_single
        check (indicator_id is not null or second_measure is null),
    constraint recommendation_rule_min_denominator_nonnegative check (min_denominator >= 0),
    constraint recommendation_rule_gap_for_schools check (
        scope = 'school' or (measure <> 'gap_to_city' and coalesce(second_measure, '') <> 'gap_to_city'))
);

-- Seed rows with bilingual texts, one row per line group: long lines by design.
-- noqa: disable=LT05
insert into dw.recommendation_rule (rule_id, priority, scope, indicator_id, measure, comparison, threshold,
    second_indicator_id, second_measure, second_comparison, second_threshold, combine, min_denominator, text_ru, text_en) values
('R01', 10, 'both', 'diagnostic_share', 'value', '<', 90, null, null, null, null, null, 0,
 'Усилить работу по выявлению профессиональных дефицитов педагогов: диагностику прошли {value} % педагогов ({numerator} из {denominator}), ниже ориентира {threshold} %; не прошли — {missing}.',
 'Intensify the identification of teachers'' professional deficits: {value}% of teachers ({numerator} of {denominator}) passed the diagnostic, below the {threshold}% benchmark; {missing} did not.'),
('R02', 20, 'both', 'individual_route_share', 'value', '<', 80, null, null, null, null, null, 0,
 'Разработать индивидуальные образовательные маршруты для педагогов с выявленными дефицитами: ИОМ есть у {value} % ({numerator} из {denominator}); без маршрута — {missing} педагогов.',
 'Build individual educational routes for the teachers with identified deficits: {value}% have one ({numerator} of {denominator}); {missing} teachers lack a route.'),
('R03', 30, 'both', 'deficit_addressed_share', 'value', '<', 50, 'deficit_share', 'value', '>=', 20, 'and', 0,
 'Расширить профессиональную переподготовку педагогов, чьи дефициты не закрыты курсами: дефициты выявлены у {second_value} % прошедших диагностику ({second_numerator} из {second_denominator}), а закрывают их курсами лишь {value} % ({numerator} из {denominator}).',
 'Widen professional retraining for teachers whose deficits courses have not closed: {second_value}% of those diagnosed have deficits ({second_numerator} of {second_denominator}), yet only {value}% of them ({numerator} of {denominator}) completed a course in their deficit area.'),
('R04', 40, 'both', 'distance_share', 'value', '<', 30, null, null, null, null, null, 0,
 'Сохранить и расширить дистанционные курсы (доступность, цифровая грамотность): дистанционно завершено {value} % обучений ({numerator} из {denominator}).',
 'Keep and widen distance-learning courses (availability, digital literacy): {value}% of completed enrolments ({numerator} of {denominator}) were distance ones.'),
('R05', 50, 'both', 'expert_share', 'value', '<', 10, null, null, null, null, null, 0,
 'Вовлекать педагогов в экспертную деятельность, развивать региональное экспертное сообщество: экспертов {value} % ({numerator} из {denominator}).',
 'Involve teachers in expert work and grow the regional expert community: {value}% are experts ({numerator} of {denominator}).'),
('R06', 60, 'both', 'method_asset_share', 'value', '<', 10, null, null, null, null, null, 0,
 'Сформировать методический актив из высокорезультативных педагогов с собственными методиками: в активе {value} % педагогов ({numerator} из {denominator}).',
 'Form the methodological asset from high-performing teachers with their own methods: {value}% of teachers ({numerator} of {denominator}) are in it.'),
('R07', 70, 'both', 'young_mentored_share', 'value', '<', 100, null, null, null, null, null, 0,
 'Организовать наставничество для молодых педагогов: наставник есть у {value} % ({numerator} из {denominator}); без наставника — {missing} молодых педагогов.',
 'Organise mentoring for young teachers: {value}% have a mentor ({numerator} of {denominator}); {missing} young teachers have none.'),
('R08', 80, 'both', 'network_share', 'value', '<', 50, 'subject_club_share', 'value', '<', 20, 'or', 0,
 'Вовлекать педагогов в сетевые сообщества, предметные клубы, межрегиональное взаимодействие: в сетевых сообществах {value} % ({numerator} из {denominator}), в предметных клубах {second_value} % ({second_numerator} из {second_denominator}).',
 'Bring teachers into network communities, subject clubs and interregional work: {value}% are in network communities ({numerator} of {denominator}), {second_value}% in subject clubs ({second_numerator} of {second_denominator}).'),
('R09', 90, 'both', 'practice_sharing_share', 'value', '<', 30, 'internship_share', 'value', '<', 10, 'or', 0,
 'Распространять успешные практики: конференции, семинары, вебинары, стажировки на базе опорных школ, публикации; опытом делятся {value} % педагогов ({numerator} из {denominator}), стажировки прошли {second_value} % ({second_numerator} из {second_denominator}).',
 'Spread successful practice: conferences, seminars, webinars, internships at base schools, publications; {value}% of teachers share their practice ({numerator} of {denominator}), {second_value}% had an internship ({second_numerator} of {second_denominator}).'),
('R10', 100, 'both', 'pd_coverage_3y', 'value', '<', 100, null, null, null, null, null, 0,
 'Включить в план-заказ КПК педагогов без завершённого курса за три года: таких {missing} из {denominator} (охват {value} %).',
 'Add the teachers without a completed course in three years to the plan-order: {missing} of {denominator} (coverage {value}%).'),
('R11', 110, 'both', null, 'worsening', '>=', 10, null, null, null, null, null, 10,
 'Показатель «{indicator}» ухудшился на {worsening} п. п. за год: {previous_value} → {value} ({numerator} из {denominator}); выяснить причины и принять меры.',
 'Indicator "{indicator}" worsened by {worsening} pp in a year: {previous_value} → {value} ({numerator} of {denominator}); find out why and act.'),
('R12', 120, 'school', null, 'gap_to_city', '>=', 15, null, null, null, null, null, 10,
 'Показатель «{indicator}» на {gap} п. п. хуже, чем по городу: {value} ({numerator} из {denominator}) против {city_value}; изучить опыт ОО с лучшими результатами.',
 'Indicator "{indicator}" is {gap} pp worse than the city: {value} ({numerator} of {denominator}) against {city_value}; learn from the schools doing better.');
-- noqa: enable=LT05

comment on table dw.recommendation_rule is
    'Recommendation rules as data, read by pdmon recommend (and overridable by a --rules TOML file): a rule fires for a school or the city in a year when its condition holds on the mart''s indicator values; its text template is filled with the figures. Seeded with the 12 default rules. / Правила адресных рекомендаций как данные (переопределяются файлом --rules): правило срабатывает для ОО или города за год, если условие выполнено на значениях показателей; шаблон текста заполняется цифрами. Заполнено 12 правилами по умолчанию.';
comment on column dw.recommendation_rule.rule_id is
    'Stable id of the rule (R01..R12 for the defaults); the key a rules file overrides. / Код правила; по нему файл правил переопределяет правило.';
comment on column dw.recommendation_rule.priority is
    'Order within a section: smaller first (most urgent). / Порядок в разделе: меньше — раньше (важнее).';
comment on column dw.recommendation_rule.scope is
    'Where the rule applies: school, city or both. / Где применяется: school (ОО), city (город), both (оба).';
comment on column dw.recommendation_rule.indicator_id is
    'Indicator of the (first) condition (dw.indicator); null = each percent indicator in turn. / Показатель (первого) условия; пусто — каждый процентный показатель по очереди.';
comment on column dw.recommendation_rule.measure is
    'What is compared: value (the indicator''s value), worsening (change in the worse direction since the previous year, pp), gap_to_city (how far worse than the city, pp; schools only). / Что сравнивается: value — значение, worsening — ухудшение за год в п. п., gap_to_city — отставание от города в п. п.';
comment on column dw.recommendation_rule.comparison is
    'Comparison of the measure with the threshold: <, <=, >, >=. / Сравнение с порогом.';
comment on column dw.recommendation_rule.threshold is
    'Threshold of the first condition (percent, percentage points, or hours for avg_pd_hours). / Порог первого условия (%, п. п. или часы).';
comment on column dw.recommendation_rule.second_indicator_id is
    'Indicator of the second condition of a compound rule; null when the rule has one condition. / Показатель второго условия составного правила.';
comment on column dw.recommendation_rule.second_measure is
    'Measure of the second condition (as measure); null without a second condition. / Мера второго условия.';
comment on column dw.recommendation_rule.second_comparison is
    'Comparison of the second condition; null without one. / Сравнение второго условия.';
comment on column dw.recommendation_rule.second_threshold is
    'Threshold of the second condition; null without one. / Порог второго условия.';
comment on column dw.recommendation_rule.combine is
    'How the two conditions combine: and (both hold) or or (either holds); null for a single condition. / Как сочетаются условия: and — оба, or — любое.';
comment on column dw.recommendation_rule.min_denominator is
    'The rule does not fire when a denominator involved is below this (10 for rules 11 and 12: a small school''s percentages swing). / Правило не срабатывает при знаменателе меньше этого числа.';
comment on column dw.recommendation_rule.text_ru is
    'Russian text template with {placeholders} for the figures (see the migration header). / Шаблон текста по-русски с {подстановками}.';
comment on column dw.recommendation_rule.text_en is
    'English text template with {placeholders} for the figures. / Шаблон текста по-английски.';
comment on column dw.recommendation_rule.is_enabled is
    'False switches the rule off without deleting it. / false — правило отключено.';
