-- pdmon:previous-checksum 895b2460a3b7111a5d706eaccc7f7626035e70efd7730278fb3312ba1b7ca89f
-- Areas of professional deficit found by diagnostics (survey "выявленные
-- дефициты") and the focus area of a course (enrolments "направленность").
-- A small fixed dimension: keys are given explicitly and never change, so the
-- loader may cache code -> key once per run.
create table dw.dim_deficit_area (
    deficit_area_key integer primary key,
    code             text not null,
    name_ru          text not null,
    name_en          text not null,
    constraint dim_deficit_area_code_unique unique (code),
    constraint dim_deficit_area_name_ru_unique unique (name_ru),
    constraint dim_deficit_area_name_en_unique unique (name_en),
    constraint dim_deficit_area_key_positive check (deficit_area_key > 0),
    constraint dim_deficit_area_code_format check (code ~ '^[a-z][a-z_]*$')
);

insert into dw.dim_deficit_area (deficit_area_key, code, name_ru, name_en) values
    (1, 'subject', 'Предметные', 'Subject'),
    (2, 'methodological', 'Методические', 'Methodological'),
    (3, 'psychological', 'Психолого-педагогические', 'Psychological and pedagogical'),
    (4, 'digital', 'Цифровые (ИКТ)', 'Digital (ICT)'),
    (5, 'communicative', 'Коммуникативные', 'Communicative'),
    (6, 'regulatory', 'Нормативно-правовые', 'Regulatory and legal');

comment on table dw.dim_deficit_area is
    'Areas of professional deficit (diagnostics results) and course focus areas; fixed list seeded by the migration. / Области профессиональных дефицитов (итоги диагностики) и направленность курсов; фиксированный список.';
comment on column dw.dim_deficit_area.deficit_area_key is
    'Fixed key 1..6 (seeded; never renumbered). / Постоянный ключ 1..6.';
comment on column dw.dim_deficit_area.code is
    'Canonical code used in exports and the data contract: subject, methodological, psychological, digital, communicative, regulatory. / Канонический код из контракта выгрузок.';
comment on column dw.dim_deficit_area.name_ru is
    'Name in Russian. / Название по-русски.';
comment on column dw.dim_deficit_area.name_en is
    'Name in English. / Название по-английски.';
