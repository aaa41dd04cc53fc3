-- The recommendation rules reviewed (issue 11): each text fits every case its rule can fire
-- on, counts agree with their nouns, values carry their units, and every recommendation
-- belongs to one of the themes of the methodological service's work, so that a school gets
-- a few recommendations grouped by theme instead of a long list.
--
-- dw.recommendation_theme   the themes, in the order they are listed;
-- dw.recommendation_indicator  per indicator: the theme of the recommendations on it, and
--                           what its denominator counts (teachers, young teachers, leaders,
--                           enrolments; none for hours) — the people a recommendation concerns;
-- dw.recommendation_rule.theme_id  a rule's own theme; null for the rules checked on every
--                           indicator (R11, R12), whose recommendations take the indicator's.
--
-- Placeholders may count: {missing|педагог} writes «1 педагог», «22 педагога», «25
-- педагогов» (a noun of pdmon's dictionary, nominative), {missing|педагога|педагогов|педагогов}
-- gives the three forms (after 1, 2–4, 5–20) in the case the phrase needs, {missing|teacher}
-- the English singular. Thresholds are written without a trailing ",0" (90 %).
create table dw.recommendation_theme (
    theme_id   text primary key,
    sort_order integer not null,
    name_ru    text not null,
    name_en    text not null,
    constraint recommendation_theme_id_format check (theme_id ~ '^[a-z][a-z_]*$'),
    constraint recommendation_theme_sort_order_unique unique (sort_order)
);

-- noqa: disable=LT05
insert into dw.recommendation_theme (theme_id, sort_order, name_ru, name_en) values
('diagnostics', 10, 'Диагностика профессиональных дефицитов и индивидуальные маршруты', 'Deficit diagnostics and individual routes'),
('courses', 20, 'Курсы повышения квалификации, охват и переподготовка', 'Advanced-training courses, coverage and retraining'),
('distance', 30, 'Дистанционное обучение', 'Distance learning'),
('expert', 40, 'Экспертная деятельность', 'Expert work'),
('method_asset', 50, 'Методический актив', 'Methodological asset'),
('mentoring', 60, 'Наставничество молодых педагогов', 'Mentoring of young teachers'),
('networks', 70, 'Сетевые сообщества, предметные клубы и межрегиональное взаимодействие', 'Network communities, subject clubs and interregional work'),
('practice', 80, 'Распространение опыта: конференции, семинары, вебинары, стажировки, публикации', 'Sharing practice: conferences, seminars, webinars, internships, publications'),
('other', 90, 'Другие показатели', 'Other indicators');
-- noqa: enable=LT05

create table dw.recommendation_indicator (
    indicator_id text primary key references dw.indicator (indicator_id),
    theme_id     text not null references dw.recommendation_theme (theme_id),
    counts       text not null,
    constraint recommendation_indicator_counts_valid
        check (counts in ('teachers', 'young_teachers', 'leaders', 'enrolments', 'none'))
);

insert into dw.recommendation_indicator (indicator_id, theme_id, counts) values
('pd_coverage', 'courses', 'teachers'),
('pd_coverage_3y', 'courses', 'teachers'),
('leader_pd_coverage_3y', 'courses', 'leaders'),
('retraining_share', 'courses', 'teachers'),
('avg_pd_hours', 'courses', 'none'),
('distance_share', 'distance', 'enrolments'),
('completion_rate', 'courses', 'enrolments'),
('requested_share', 'courses', 'enrolments'),
('diagnostic_share', 'diagnostics', 'teachers'),
('deficit_share', 'diagnostics', 'teachers'),
('individual_route_share', 'diagnostics', 'teachers'),
('deficit_addressed_share', 'courses', 'teachers'),
('young_share', 'mentoring', 'teachers'),
('young_mentored_share', 'mentoring', 'young_teachers'),
('mentor_share', 'mentoring', 'teachers'),
('expert_share', 'expert', 'teachers'),
('method_asset_share', 'method_asset', 'teachers'),
('network_share', 'networks', 'teachers'),
('subject_club_share', 'networks', 'teachers'),
('interregional_share', 'networks', 'teachers'),
('practice_sharing_share', 'practice', 'teachers'),
('internship_share', 'practice', 'teachers'),
('qualified_share', 'other', 'teachers');

alter table dw.recommendation_rule
add column theme_id text references dw.recommendation_theme (theme_id);

-- noqa: disable=LT05
with v (rule_id, theme_id, text_ru, text_en) as (
    values
    ('R01', 'diagnostics',
     'Усилить работу по выявлению профессиональных дефицитов: диагностику прошли {value} % педагогов ({numerator} из {denominator}) при ориентире {threshold} %; без диагностики — {missing|педагог}.',
     'Step up the identification of professional deficits: {value}% of teachers ({numerator} of {denominator}) passed the diagnostic, against a benchmark of {threshold}%; not diagnosed: {missing|teacher}.'),
    ('R02', 'diagnostics',
     'Разработать индивидуальные образовательные маршруты для педагогов с выявленными дефицитами: маршрут есть у {value} % из них ({numerator} из {denominator}) при ориентире {threshold} %; без маршрута — {missing|педагог}.',
     'Build individual educational routes for the teachers with identified deficits: {value}% of them have one ({numerator} of {denominator}), against a benchmark of {threshold}%; without a route: {missing|teacher}.'),
    ('R03', 'courses',
     'Направить педагогов с незакрытыми дефицитами на курсы повышения квалификации и программы профессиональной переподготовки по их областям дефицита: дефициты выявлены у {second_value} % прошедших диагностику ({second_numerator} из {second_denominator}), а курс по своей области дефицита за год завершили лишь {value} % из них ({numerator} из {denominator}); дефициты не закрыты у {missing|педагога|педагогов|педагогов}.',
     'Send the teachers whose deficits are not addressed to advanced-training courses and retraining programmes in their deficit areas: {second_value}% of those diagnosed have deficits ({second_numerator} of {second_denominator}), yet only {value}% of them ({numerator} of {denominator}) completed a course in their deficit area this year; deficits not addressed: {missing|teacher}.'),
    ('R04', 'distance',
     'Расширить дистанционное обучение, чтобы курсы были доступнее и развивалась цифровая грамотность педагогов: дистанционно завершено лишь {value} % обучений ({numerator} из {denominator}) при ориентире {threshold} %.',
     'Widen distance learning to make courses easier to reach and build teachers'' digital literacy: only {value}% of completed enrolments ({numerator} of {denominator}) were distance ones, against a benchmark of {threshold}%.'),
    ('R05', 'expert',
     'Вовлекать педагогов в экспертную деятельность (предметные комиссии, аттестация, жюри конкурсов и олимпиад), развивать экспертное сообщество: экспертов лишь {value} % ({numerator} из {denominator}) при ориентире {threshold} %.',
     'Involve teachers in expert work (exam commissions, attestation, competition and olympiad juries) and grow the expert community: only {value}% are experts ({numerator} of {denominator}), against a benchmark of {threshold}%.'),
    ('R06', 'method_asset',
     'Сформировать методический актив из высокорезультативных педагогов с собственными методиками: в активе лишь {value} % педагогов ({numerator} из {denominator}) при ориентире {threshold} %.',
     'Form a methodological asset of high-performing teachers with methods of their own: only {value}% of teachers ({numerator} of {denominator}) are in it, against a benchmark of {threshold}%.'),
    ('R07', 'mentoring',
     'Закрепить наставника за каждым молодым педагогом: наставник есть у {value} % молодых педагогов ({numerator} из {denominator}); без наставника — {missing|молодой педагог}.',
     'Give every young teacher a mentor: {value}% of young teachers have one ({numerator} of {denominator}); without a mentor: {missing|young teacher}.'),
    ('R08', 'networks',
     'Вовлекать педагогов в сетевые сообщества и предметные клубы, развивать межрегиональное взаимодействие: в сетевых сообществах участвуют {value} % педагогов ({numerator} из {denominator}; ориентир {threshold} %), в предметных клубах — {second_value} % ({second_numerator} из {second_denominator}; ориентир {second_threshold} %).',
     'Bring teachers into network communities and subject clubs, and develop interregional work: {value}% of teachers take part in network communities ({numerator} of {denominator}; benchmark {threshold}%), {second_value}% in subject clubs ({second_numerator} of {second_denominator}; benchmark {second_threshold}%).'),
    ('R09', 'practice',
     'Распространять успешные практики: выступления на конференциях, семинарах и вебинарах, публикации, стажировки на базе опорных школ; опытом делятся {value} % педагогов ({numerator} из {denominator}; ориентир {threshold} %), стажировки прошли {second_value} % ({second_numerator} из {second_denominator}; ориентир {second_threshold} %).',
     'Spread successful practice: talks at conferences, seminars and webinars, publications, internships at base schools; {value}% of teachers share their practice ({numerator} of {denominator}; benchmark {threshold}%), {second_value}% had an internship ({second_numerator} of {second_denominator}; benchmark {second_threshold}%).'),
    ('R10', 'courses',
     'Включить в план-заказ КПК педагогов, не завершивших ни одного курса за три года: без курса — {missing|педагог} из {denominator}; охват за три года — {value} %.',
     'Put the teachers without a completed course in three years into the course plan-order: without a course: {missing|teacher} of {denominator}; three-year coverage {value}%.'),
    ('R11', null,
     'Выяснить причины ухудшения показателя «{indicator}» и принять меры: за год {previous_value} % → {value} % ({numerator} из {denominator}), хуже на {worsening} п. п.',
     'Find out why "{indicator}" got worse and act on it: {previous_value}% → {value}% in a year ({numerator} of {denominator}), {worsening} pp worse.'),
    ('R12', null,
     'Изучить опыт ОО города с лучшими результатами по показателю «{indicator}»: здесь {value} % ({numerator} из {denominator}) против {city_value} % по городу, хуже на {gap} п. п.',
     'Learn from the city''s schools doing better on "{indicator}": {value}% here ({numerator} of {denominator}) against {city_value}% for the city, {gap} pp worse.')
)
update dw.recommendation_rule as r
set theme_id = v.theme_id,
    text_ru = v.text_ru,
    text_en = v.text_en
from v
where r.rule_id = v.rule_id;
-- noqa: enable=LT05

comment on table dw.recommendation_theme is
    'Themes of the methodological service''s work that recommendations are grouped under, in listing order. / Темы работы методической службы, по которым группируются рекомендации, в порядке перечисления.';
comment on column dw.recommendation_theme.theme_id is
    'Stable id of the theme (diagnostics, courses, distance, expert, method_asset, mentoring, networks, practice, other). / Код темы.';
comment on column dw.recommendation_theme.sort_order is
    'Position of the theme in lists. / Порядок темы в списках.';
comment on column dw.recommendation_theme.name_ru is
    'Russian name of the theme (a heading of pdmon recommend). / Название темы по-русски (заголовок в рекомендациях).';
comment on column dw.recommendation_theme.name_en is
    'English name of the theme. / Название темы по-английски.';

comment on table dw.recommendation_indicator is
    'How recommendations treat each indicator: the theme they belong to and what the denominator counts (the people a recommendation concerns, which weighs in its ranking). An indicator without a row is in theme other and counts teachers. / Как рекомендации относятся к показателю: тема и что считает знаменатель (кого касается рекомендация; учитывается в её весе).';
comment on column dw.recommendation_indicator.indicator_id is
    'The indicator (dw.indicator). / Показатель.';
comment on column dw.recommendation_indicator.theme_id is
    'The theme of recommendations on this indicator (dw.recommendation_theme). / Тема рекомендаций по показателю.';
comment on column dw.recommendation_indicator.counts is
    'What the denominator counts: teachers, young_teachers, leaders, enrolments, or none (hours). / Что считает знаменатель: педагогов, молодых педагогов, руководителей, обучения или ничего (часы).';
comment on column dw.recommendation_rule.theme_id is
    'The theme of the rule''s recommendations (dw.recommendation_theme); null: the theme of the indicator it fired on (rules over every indicator). / Тема рекомендаций правила; пусто — тема показателя, по которому оно сработало.';
comment on column dw.recommendation_rule.text_ru is
    'Russian text template with {placeholders} for the figures; a count may name its noun, {missing|педагог} («1 педагог», «22 педагога», «25 педагогов»), or give its three forms, {missing|педагога|педагогов|педагогов} (see migrations 0040 and 0080). / Шаблон текста по-русски с {подстановками}; число согласуется с существительным.';
comment on column dw.recommendation_rule.text_en is
    'English text template with {placeholders} for the figures; a count may name its noun, {missing|teacher}. / Шаблон текста по-английски.';
