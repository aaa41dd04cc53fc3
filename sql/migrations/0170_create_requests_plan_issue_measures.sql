-- Issue 13 §2 and §3: the schools' course requests («заявка ОО»), the plan-order as issued
-- (a snapshot per academic year), and the measures taken on recommendations.
--
-- dw.school_request is not a fact table by name: a counted row names no teacher, so it has
-- no teacher_key to distribute by; under Citus it is a reference table (sql/citus/pending.sql).

create table dw.school_request (
    request_key        bigint generated always as identity primary key,
    academic_year_key  integer not null,
    school_key         bigint not null,
    teacher_key        bigint,
    teachers_requested integer not null,
    subject            text,
    focus_area_key     integer,
    course_title       text,
    hours              integer,
    batch_key          bigint not null,
    constraint school_request_teachers_positive check (teachers_requested > 0),
    constraint school_request_one_named_teacher check (teacher_key is null or teachers_requested = 1),
    constraint school_request_course_or_focus check (course_title is not null or focus_area_key is not null),
    constraint school_request_hours_range check (hours between 1 and 2000)
);

create index school_request_year_school on dw.school_request (academic_year_key, school_key);

comment on index dw.school_request_year_school is
    'A school''s request of a year (the merge replaces it whole). / Заявка ОО на год.';
comment on table dw.school_request is
    'Schools'' requests for the year''s courses («заявка ОО», docs/exports.md §5.5): one row per requested teacher (teacher_key, teachers_requested = 1) or per counted group (teacher_key null, teachers_requested = n) and course or focus area. A load replaces the whole request of each (year, school) it holds. / Заявки ОО на обучение: строка на педагога или на группу (число педагогов) и программу или направленность.';
comment on column dw.school_request.request_key is
    'Surrogate key of the request row (identity). / Суррогатный ключ строки заявки.';
comment on column dw.school_request.academic_year_key is
    'Academic year the courses are requested for (start year). / Учебный год, на который подана заявка.';
comment on column dw.school_request.school_key is
    'Version of the requesting school current when loaded (dw.dim_school). / Версия ОО при загрузке.';
comment on column dw.school_request.teacher_key is
    'The requested teacher (dw.dim_teacher, pseudonymised like every teacher id); null for a counted row. / Педагог (псевдоним); пусто для строки с числом педагогов.';
comment on column dw.school_request.teachers_requested is
    'Teachers requested by the row: 1 for a named teacher, n for a counted row. / Число педагогов в строке.';
comment on column dw.school_request.subject is
    'Subject of the request, as exported; null when not given. / Предмет.';
comment on column dw.school_request.focus_area_key is
    'Focus area requested (dw.dim_deficit_area); null when the row names a course only. / Направленность.';
comment on column dw.school_request.course_title is
    'Programme requested; null when the row names a focus area only. / Программа.';
comment on column dw.school_request.hours is
    'Hours requested; null when not given. / Объём, часов.';
comment on column dw.school_request.batch_key is
    'Batch that wrote the row (dw.etl_batch). / Пакет, записавший строку.';

create table dw.plan_order_issue (
    plan_order_issue_key bigint generated always as identity primary key,
    academic_year_key    integer not null,
    issued_at            timestamptz not null default now(),
    issued_by            text not null default current_user,
    issued_rows          integer not null,
    replaced_issue_key   bigint
);

create index plan_order_issue_year on dw.plan_order_issue (academic_year_key, issued_at);

comment on index dw.plan_order_issue_year is
    'The issues of a year, latest last. / Выпуски плана года.';
comment on table dw.plan_order_issue is
    'Every issue of a plan-order (pdmon plan --for-year Y --issue), kept: the latest issue of a year is the one in force, its rows in dw.plan_order_issued_row; a re-issue replaces the rows and names the issue it replaced. / Выпуски плана-заказа: каждый выпуск записан; действует последний выпуск года.';
comment on column dw.plan_order_issue.plan_order_issue_key is
    'Surrogate key of the issue (identity). / Суррогатный ключ выпуска.';
comment on column dw.plan_order_issue.academic_year_key is
    'Academic year of the plan (start year). / Учебный год плана.';
comment on column dw.plan_order_issue.issued_at is
    'When the plan was issued. / Когда выпущен план.';
comment on column dw.plan_order_issue.issued_by is
    'Login that issued it (current_user). / Логин, выпустивший план.';
comment on column dw.plan_order_issue.issued_rows is
    'Rows of the snapshot stored. / Число строк снимка.';
comment on column dw.plan_order_issue.replaced_issue_key is
    'The earlier issue of the same year this one replaced; null for a first issue. / Заменённый выпуск того же года.';

create table dw.plan_order_issued_row (
    plan_order_issued_row_key bigint generated always as identity primary key,
    plan_order_issue_key      bigint not null references dw.plan_order_issue (plan_order_issue_key),
    academic_year_key         integer not null,
    section                   text not null,
    level                     text not null,
    school_code               text,
    school_name               text,
    subject                   text,
    deficit_area              text,
    teachers                  integer not null,
    teachers_due              integer,
    never_trained             integer,
    deficits_unaddressed      integer,
    leaders_due               integer,
    constraint plan_order_issued_row_section_valid check (section in ('subject', 'deficit_area')),
    constraint plan_order_issued_row_level_valid check (level in ('subject', 'school', 'city_subject', 'city'))
);

create index plan_order_issued_row_year on dw.plan_order_issued_row (academic_year_key, school_code);

comment on index dw.plan_order_issued_row_year is
    'The snapshot of a year by school. / Снимок плана года по ОО.';
comment on table dw.plan_order_issued_row is
    'The plan-order in force for each academic year, as issued: the rows of pdmon plan''s two tables (section subject: by school and subject; section deficit_area: by school and deficit area), counts only. Replaced whole by a re-issue. / Действующий план-заказ года в том виде, в каком выпущен: строки обеих таблиц pdmon plan, только числа.';
comment on column dw.plan_order_issued_row.plan_order_issued_row_key is
    'Surrogate key (identity). / Суррогатный ключ.';
comment on column dw.plan_order_issued_row.plan_order_issue_key is
    'The issue the row belongs to (dw.plan_order_issue). / Выпуск плана.';
comment on column dw.plan_order_issued_row.academic_year_key is
    'Academic year of the plan (start year). / Учебный год плана.';
comment on column dw.plan_order_issued_row.section is
    'subject (the table by school and subject) or deficit_area (by school and deficit area). / Таблица плана.';
comment on column dw.plan_order_issued_row.level is
    'subject, school, city_subject or city (sql/plan/plan_by_subject.sql); school or city for deficit areas. / Уровень строки.';
comment on column dw.plan_order_issued_row.school_code is
    'School code; null on city rows. / Код ОО; пусто в строках города.';
comment on column dw.plan_order_issued_row.school_name is
    'School name when issued. / Наименование ОО на момент выпуска.';
comment on column dw.plan_order_issued_row.subject is
    'Subject (section subject; '''' = not given in the census); null otherwise. / Предмет.';
comment on column dw.plan_order_issued_row.deficit_area is
    'Deficit area code (section deficit_area); null otherwise. / Область дефицита.';
comment on column dw.plan_order_issued_row.teachers is
    'Teachers (section subject: current teachers; deficit_area: teachers with the deficit not addressed). / Педагогов.';
comment on column dw.plan_order_issued_row.teachers_due is
    'Teachers due a course in the year under the three-year rule (section subject). / Педагогов, которым нужен курс.';
comment on column dw.plan_order_issued_row.never_trained is
    'Teachers never trained (section subject). / Ни разу не обучавшихся.';
comment on column dw.plan_order_issued_row.deficits_unaddressed is
    'Teachers with a deficit not addressed (section subject). / С незакрытыми дефицитами.';
comment on column dw.plan_order_issued_row.leaders_due is
    'Leaders due a course (section subject). / Руководителей, которым нужен курс.';

create table dw.measure (
    measure_key       bigint generated always as identity primary key,
    academic_year_key integer not null,
    school_code       text,
    rule_id           text references dw.recommendation_rule (rule_id),
    indicator_id      text not null references dw.indicator (indicator_id),
    measure_text      text not null,
    measure_date_key  integer not null,
    responsible_role  text,
    source            text not null,
    batch_key         bigint,
    recorded_at       timestamptz not null default now(),
    constraint measure_natural_key unique nulls not distinct (
        academic_year_key, school_code, rule_id, indicator_id, measure_date_key, measure_text
    ),
    constraint measure_text_not_blank check (measure_text <> ''),
    constraint measure_school_code_not_blank check (school_code <> ''),
    constraint measure_source_valid check (source in ('file', 'command')),
    constraint measure_batch_of_file check ((source = 'file') = (batch_key is not null))
);

comment on table dw.measure is
    'Measures and management decisions taken on a recommendation (docs/exports.md §5.6, pdmon measures add): by the city (school_code null) or a school, answering the recommendation identified by rule_id + academic_year_key + school_code, aimed at indicator_id. pdmon report effect compares the indicator in that year and the next with schools without such a measure. / Принятые меры и управленческие решения по рекомендациям: рекомендация определяется кодом правила, учебным годом и ОО.';
comment on column dw.measure.measure_key is
    'Surrogate key (identity). / Суррогатный ключ.';
comment on column dw.measure.academic_year_key is
    'Academic year of the recommendation answered (start year): the year the measure is taken in; its effect is read in the next year. / Учебный год рекомендации (год принятия меры).';
comment on column dw.measure.school_code is
    'School the measure is for; null for a measure of the city. / Код ОО; пусто — мера города.';
comment on column dw.measure.rule_id is
    'Rule of the recommendation answered (dw.recommendation_rule); null for a measure aimed at an indicator without a recommendation. / Код правила рекомендации.';
comment on column dw.measure.indicator_id is
    'Indicator the measure aims at (dw.indicator): given, or the rule''s. / Показатель, на который направлена мера.';
comment on column dw.measure.measure_text is
    'What was decided, as written. / Содержание меры.';
comment on column dw.measure.measure_date_key is
    'Date of the decision (dw.dim_date, yyyymmdd). / Дата решения.';
comment on column dw.measure.responsible_role is
    'Role responsible (e.g. заместитель директора по УВР), never a person''s name; null when not given. / Ответственный (роль, не ФИО).';
comment on column dw.measure.source is
    'file (a measures export, batch_key set) or command (pdmon measures add). / Источник: файл или команда.';
comment on column dw.measure.batch_key is
    'Batch that wrote the row for a file; null for pdmon measures add. / Пакет загрузки (для файла).';
comment on column dw.measure.recorded_at is
    'When the row was written. / Когда записано.';

-- Batches of the two new kinds. 'targets' (issue 13 §1, migration 0150 of the targets work)
-- is kept in the list so that this later migration never takes that kind away again.
alter table dw.etl_batch drop constraint etl_batch_kind_valid;

alter table dw.etl_batch add constraint etl_batch_kind_valid
check (kind in ('schools', 'enrolments', 'survey', 'frdo', 'targets', 'requests', 'measures'));

comment on column dw.etl_batch.kind is
    'Export kind detected from the header or named by the user: schools, enrolments, survey, frdo (ФИС ФРДО), targets (indicator targets), requests (schools'' course requests), measures (measures taken); null when the header matched no kind. / Вид выгрузки (frdo — ФИС ФРДО, targets — целевые значения, requests — заявки ОО, measures — принятые меры); пусто, если заголовок не подошёл ни к одному виду.';
