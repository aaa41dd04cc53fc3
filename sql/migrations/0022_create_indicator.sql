-- pdmon:previous-checksum 919edae12baffe608f880d0791f94818d2f07e2cd39b25da5605507b520fc92c
-- The indicator catalogue: indicators are data, not code. Each row names an
-- indicator whose definition is the query sql/indicators/<indicator_id>.sql;
-- adding an indicator is adding a row here (in a new migration) and a file
-- there, with no Swift change. The mart refresh runs every catalogued
-- definition and stores the results in dw.agg_indicator_value.
create table dw.indicator (
    indicator_id   text primary key,
    sort_order     integer not null,
    name_ru        text not null,
    name_en        text not null,
    unit           text not null,
    direction      text not null,
    source         text not null,
    description_ru text not null,
    description_en text not null,
    numerator_ru   text not null,
    numerator_en   text not null,
    denominator_ru text not null,
    denominator_en text not null,
    constraint indicator_id_format check (indicator_id ~ '^[a-z][a-z0-9_]*$'),
    constraint indicator_sort_order_unique unique (sort_order),
    constraint indicator_unit_valid check (unit in ('percent', 'hours')),
    constraint indicator_direction_valid check (direction in ('higher', 'lower')),
    constraint indicator_source_valid check (source in ('survey', 'enrolments', 'survey+enrolments'))
);

-- Seed rows with bilingual texts, one row per line group: long lines by design.
-- noqa: disable=LT05
insert into dw.indicator (indicator_id, sort_order, name_ru, name_en, unit, direction, source,
                          description_ru, description_en, numerator_ru, numerator_en, denominator_ru, denominator_en) values
('pd_coverage', 10, 'Охват КПК за год', 'Course coverage in the year', 'percent', 'higher', 'survey+enrolments',
 'Доля педагогов ОО, завершивших в учебном году хотя бы одно обучение (в любой организации).',
 'Share of the school''s teachers who completed at least one course in the academic year (at any school).',
 'педагоги из мониторинга ОО с ≥1 обучением со статусом «завершено» в году y', 'teachers in the school''s census with ≥1 enrolment completed in year y',
 'педагоги из мониторинга ОО за год y', 'teachers in the school''s census for year y'),
('pd_coverage_3y', 20, 'Охват КПК за 3 года', 'Course coverage over 3 years', 'percent', 'higher', 'survey+enrolments',
 'Доля педагогов ОО, завершивших хотя бы одно обучение за три учебных года y-2, y-1, y.',
 'Share of the school''s teachers who completed at least one course in academic years y-2, y-1 or y.',
 'педагоги из мониторинга ОО с ≥1 обучением, завершённым в годы y-2, y-1 или y', 'teachers in the school''s census with ≥1 enrolment completed in y-2, y-1 or y',
 'педагоги из мониторинга ОО за год y', 'teachers in the school''s census for year y'),
('leader_pd_coverage_3y', 30, 'Охват КПК руководителей за 3 года', 'Leadership course coverage over 3 years', 'percent', 'higher', 'survey+enrolments',
 'Доля руководящих работников ОО, завершивших хотя бы одно обучение за три учебных года.',
 'Share of the school''s leadership staff who completed at least one course in academic years y-2, y-1 or y.',
 'руководители из мониторинга ОО с ≥1 обучением, завершённым в годы y-2, y-1 или y', 'leadership staff in the school''s census with ≥1 enrolment completed in y-2, y-1 or y',
 'руководители из мониторинга ОО за год y', 'leadership staff in the school''s census for year y'),
('retraining_share', 40, 'Доля прошедших переподготовку', 'Retraining share', 'percent', 'higher', 'survey+enrolments',
 'Доля педагогов ОО, завершивших в году программу профессиональной переподготовки.',
 'Share of the school''s teachers who completed a professional retraining programme in the year.',
 'педагоги из мониторинга ОО с завершённой в году y переподготовкой', 'teachers in the school''s census with a retraining enrolment completed in y',
 'педагоги из мониторинга ОО за год y', 'teachers in the school''s census for year y'),
('avg_pd_hours', 50, 'Среднее число часов обучения на педагога', 'Average training hours per teacher', 'hours', 'higher', 'survey+enrolments',
 'Сумма часов обучений, завершённых в году педагогами ОО, на одного педагога (часы, не %).',
 'Hours of the courses completed in the year by the school''s teachers, per teacher (hours, not %).',
 'сумма часов обучений, завершённых в году y педагогами из мониторинга ОО', 'sum of hours of enrolments completed in y by teachers in the school''s census',
 'педагоги из мониторинга ОО за год y', 'teachers in the school''s census for year y'),
('distance_share', 60, 'Доля дистанционного обучения', 'Distance learning share', 'percent', 'higher', 'enrolments',
 'Доля дистанционных среди завершённых в году обучений, записанных за ОО.',
 'Share of distance delivery among the school''s enrolments completed in the year.',
 'записи ОО, завершённые в году y, с формой обучения «дистанционная»', 'enrolments of the school completed in y with distance delivery',
 'записи ОО, завершённые в году y', 'enrolments of the school completed in y'),
('completion_rate', 70, 'Доля завершивших обучение', 'Completion rate', 'percent', 'higher', 'enrolments',
 'Доля завершённых среди записей ОО за год, кроме тех, по которым обучение ещё идёт.',
 'Share of completed enrolments among the school''s enrolments of the year that are not in progress.',
 'записи ОО за год y со статусом «завершено»', 'enrolments of the school in y with status completed',
 'записи ОО за год y со статусом, отличным от «обучается»', 'enrolments of the school in y with a status other than in_progress'),
('requested_share', 80, 'Доля обучения по заявке ОО', 'Share requested by the school', 'percent', 'higher', 'enrolments',
 'Доля записей ОО за год, направленных по заявке самой ОО.',
 'Share of the school''s enrolments of the year requested by the school.',
 'записи ОО за год y по заявке ОО', 'enrolments of the school in y requested by the school',
 'записи ОО за год y', 'enrolments of the school in y'),
('diagnostic_share', 90, 'Доля прошедших диагностику дефицитов', 'Deficit diagnostic share', 'percent', 'higher', 'survey',
 'Доля педагогов ОО, прошедших диагностику профессиональных дефицитов.',
 'Share of the school''s teachers who passed the professional deficit diagnostic.',
 'педагоги из мониторинга ОО, прошедшие диагностику', 'teachers in the school''s census who passed the deficit diagnostic',
 'педагоги из мониторинга ОО за год y', 'teachers in the school''s census for year y'),
('deficit_share', 100, 'Доля педагогов с дефицитами', 'Share with deficits', 'percent', 'lower', 'survey',
 'Доля педагогов с выявленными дефицитами среди прошедших диагностику (чем меньше, тем лучше).',
 'Share of teachers with at least one deficit among those who passed the diagnostic (lower is better).',
 'педагоги из мониторинга ОО с ≥1 выявленным дефицитом', 'teachers in the school''s census with ≥1 deficit',
 'педагоги из мониторинга ОО, прошедшие диагностику', 'teachers in the school''s census who passed the diagnostic'),
('individual_route_share', 110, 'Доля педагогов с дефицитами, имеющих ИОМ', 'Individual route share', 'percent', 'higher', 'survey',
 'Доля педагогов с дефицитами, у которых есть индивидуальный образовательный маршрут.',
 'Share of teachers with deficits who have an individual educational route.',
 'педагоги из мониторинга ОО с ≥1 дефицитом и ИОМ', 'teachers in the school''s census with ≥1 deficit and an individual route',
 'педагоги из мониторинга ОО с ≥1 дефицитом', 'teachers in the school''s census with ≥1 deficit'),
('deficit_addressed_share', 120, 'Доля педагогов, закрывающих дефициты', 'Deficits addressed share', 'percent', 'higher', 'survey+enrolments',
 'Доля педагогов с дефицитами, завершивших в году курс, направленность которого совпадает с одним из их дефицитов.',
 'Share of teachers with deficits who completed in the year a course whose focus area is one of their deficits.',
 'педагоги с ≥1 дефицитом, завершившие в году y курс по одной из своих областей дефицита', 'teachers in the census with ≥1 deficit who completed in y a course whose focus area is one of their deficits',
 'педагоги из мониторинга ОО с ≥1 дефицитом', 'teachers in the school''s census with ≥1 deficit'),
('young_share', 130, 'Доля молодых педагогов', 'Young teacher share', 'percent', 'higher', 'survey',
 'Доля педагогов ОО со стажем не более 3 лет.',
 'Share of the school''s teachers with at most 3 years of experience.',
 'педагоги из мониторинга ОО со стажем ≤ 3 лет', 'teachers in the school''s census with experience_years ≤ 3',
 'педагоги из мониторинга ОО за год y', 'teachers in the school''s census for year y'),
('young_mentored_share', 140, 'Доля молодых педагогов с наставником', 'Mentored young teacher share', 'percent', 'higher', 'survey',
 'Доля молодых педагогов, участвующих в наставничестве в роли наставляемого.',
 'Share of young teachers whose mentoring role is mentee.',
 'молодые педагоги ОО с ролью «наставляемый»', 'young teachers in the school''s census whose mentoring role is mentee',
 'молодые педагоги из мониторинга ОО (стаж ≤ 3 лет)', 'young teachers in the school''s census (experience ≤ 3 years)'),
('mentor_share', 150, 'Доля наставников', 'Mentor share', 'percent', 'higher', 'survey',
 'Доля педагогов ОО, являющихся наставниками.',
 'Share of the school''s teachers who are mentors.',
 'педагоги из мониторинга ОО с ролью «наставник»', 'teachers in the school''s census who are mentors',
 'педагоги из мониторинга ОО за год y', 'teachers in the school''s census for year y'),
('expert_share', 160, 'Доля педагогов-экспертов', 'Expert share', 'percent', 'higher', 'survey',
 'Доля педагогов ОО с хотя бы одним видом экспертной деятельности.',
 'Share of the school''s teachers with at least one expert role.',
 'педагоги из мониторинга ОО с ≥1 видом экспертной деятельности', 'teachers in the school''s census with ≥1 expert role',
 'педагоги из мониторинга ОО за год y', 'teachers in the school''s census for year y'),
('method_asset_share', 170, 'Доля методического актива', 'Methodological asset share', 'percent', 'higher', 'survey',
 'Доля педагогов ОО, входящих в методический актив.',
 'Share of the school''s teachers in the methodological asset.',
 'педагоги из мониторинга ОО в методическом активе', 'teachers in the school''s census in the methodological asset',
 'педагоги из мониторинга ОО за год y', 'teachers in the school''s census for year y'),
('network_share', 180, 'Доля участников сетевых сообществ', 'Network community share', 'percent', 'higher', 'survey',
 'Доля педагогов ОО, участвующих хотя бы в одном сетевом сообществе.',
 'Share of the school''s teachers in at least one network community.',
 'педагоги из мониторинга ОО с числом сетевых сообществ ≥ 1', 'teachers in the school''s census with network_communities ≥ 1',
 'педагоги из мониторинга ОО за год y', 'teachers in the school''s census for year y'),
('subject_club_share', 190, 'Доля участников предметных клубов', 'Subject club share', 'percent', 'higher', 'survey',
 'Доля педагогов ОО, участвующих в предметном клубе.',
 'Share of the school''s teachers in a subject club.',
 'педагоги из мониторинга ОО — участники предметного клуба', 'teachers in the school''s census in a subject club',
 'педагоги из мониторинга ОО за год y', 'teachers in the school''s census for year y'),
('interregional_share', 200, 'Доля участников межрегионального взаимодействия', 'Interregional work share', 'percent', 'higher', 'survey',
 'Доля педагогов ОО, участвующих в межрегиональном взаимодействии.',
 'Share of the school''s teachers in interregional work.',
 'педагоги из мониторинга ОО с межрегиональным взаимодействием', 'teachers in the school''s census in interregional work',
 'педагоги из мониторинга ОО за год y', 'teachers in the school''s census for year y'),
('practice_sharing_share', 210, 'Доля транслирующих опыт', 'Practice sharing share', 'percent', 'higher', 'survey',
 'Доля педагогов ОО, выступавших на конференциях, семинарах, вебинарах или имеющих публикации.',
 'Share of the school''s teachers with talks at conferences, seminars or webinars, or publications.',
 'педагоги из мониторинга ОО с конференции + семинары + вебинары + публикации ≥ 1', 'teachers in the school''s census with conferences + seminars + webinars + publications ≥ 1',
 'педагоги из мониторинга ОО за год y', 'teachers in the school''s census for year y'),
('internship_share', 220, 'Доля прошедших стажировки', 'Internship share', 'percent', 'higher', 'survey',
 'Доля педагогов ОО, прошедших стажировку на базе опорной школы.',
 'Share of the school''s teachers with at least one internship at a base school.',
 'педагоги из мониторинга ОО со стажировками ≥ 1', 'teachers in the school''s census with internships ≥ 1',
 'педагоги из мониторинга ОО за год y', 'teachers in the school''s census for year y'),
('qualified_share', 230, 'Доля педагогов с высшей и первой категорией', 'Highest or first category share', 'percent', 'higher', 'survey',
 'Доля педагогов ОО с высшей или первой квалификационной категорией.',
 'Share of the school''s teachers with the highest or first qualification category.',
 'педагоги из мониторинга ОО с категорией «высшая» или «первая»', 'teachers in the school''s census with category highest or first',
 'педагоги из мониторинга ОО за год y', 'teachers in the school''s census for year y');
-- noqa: enable=LT05

comment on table dw.indicator is
    'Indicator catalogue: one row per indicator; the definition is the query sql/indicators/<indicator_id>.sql, run by the mart refresh. Adding an indicator = a row here + a query there. / Каталог показателей: строка на показатель; определение — запрос sql/indicators/<indicator_id>.sql, выполняемый при обновлении витрин.';
comment on column dw.indicator.indicator_id is
    'Stable id, snake_case; also the name of the definition file sql/indicators/<indicator_id>.sql. / Код показателя; имя файла определения.';
comment on column dw.indicator.sort_order is
    'Position in reports and lists. / Порядок в отчётах и списках.';
comment on column dw.indicator.name_ru is
    'Russian name shown in reports (--lang ru). / Название по-русски.';
comment on column dw.indicator.name_en is
    'English name shown in reports (--lang en). / Название по-английски.';
comment on column dw.indicator.unit is
    'percent (value = 100 × numerator / denominator) or hours (value = numerator / denominator); rounded half away from zero to one decimal. / percent (100 × числитель / знаменатель) или hours (числитель / знаменатель); округление до 0,1.';
comment on column dw.indicator.direction is
    'higher or lower: which way of change is an improvement. / higher — лучше больше, lower — лучше меньше.';
comment on column dw.indicator.source is
    'Facts the definition reads: survey (census), enrolments (courses) or survey+enrolments. / Источник: survey (мониторинг), enrolments (КПК) или оба.';
comment on column dw.indicator.description_ru is
    'What the indicator measures, in Russian. / Что измеряет показатель.';
comment on column dw.indicator.description_en is
    'What the indicator measures, in English. / Что измеряет показатель (англ.).';
comment on column dw.indicator.numerator_ru is
    'Numerator, in Russian. / Числитель.';
comment on column dw.indicator.numerator_en is
    'Numerator, in English. / Числитель (англ.).';
comment on column dw.indicator.denominator_ru is
    'Denominator, in Russian. / Знаменатель.';
comment on column dw.indicator.denominator_en is
    'Denominator, in English. / Знаменатель (англ.).';
