-- pdmon:previous-checksum 21e552da03cd7b93477ee0721130c712a233a47bcf4292f284c7bf84444a04cf
-- The deficit areas a teacher's census row lists (a many-valued survey field).
-- Grain: one deficit area of one teacher in one academic year's census.
-- A teacher has "at least one deficit" in year y when a row exists here.
-- No declared foreign keys (see dw.fact_course_enrolment): the loader checks
-- each batch's keys set-based, including that (teacher_key, academic_year_key)
-- exists in dw.fact_teacher_year. teacher_key leads the key for Citus.
create table dw.bridge_teacher_year_deficit (
    teacher_key       bigint not null,
    academic_year_key integer not null,
    deficit_area_key  integer not null,
    batch_key         bigint not null,
    constraint bridge_teacher_year_deficit_pkey primary key (teacher_key, academic_year_key, deficit_area_key)
);

create index bridge_teacher_year_deficit_batch_brin
    on dw.bridge_teacher_year_deficit using brin (batch_key);

comment on table dw.bridge_teacher_year_deficit is
    'Deficit areas of a census row. Grain: one deficit area of one teacher in one academic year. No declared foreign keys: the loader checks every batch''s keys set-based inside the batch''s transaction. / Выявленные дефициты строки мониторинга. Зерно: одна область дефицита педагога в одном учебном году. Внешние ключи не объявлены: загрузчик проверяет ключи каждого пакета в его транзакции.';
comment on column dw.bridge_teacher_year_deficit.teacher_key is
    'Teacher (dw.dim_teacher); with academic_year_key, the census row in dw.fact_teacher_year. / Педагог; вместе с academic_year_key указывает строку dw.fact_teacher_year.';
comment on column dw.bridge_teacher_year_deficit.academic_year_key is
    'Academic year of the census (dw.dim_academic_year, start year). / Учебный год мониторинга (год начала).';
comment on column dw.bridge_teacher_year_deficit.deficit_area_key is
    'Deficit area found (dw.dim_deficit_area). / Выявленная область дефицита (dw.dim_deficit_area).';
comment on column dw.bridge_teacher_year_deficit.batch_key is
    'Batch that wrote the row (dw.etl_batch); checked by the loader. / Пакет, записавший строку; проверяется загрузчиком.';
comment on index dw.bridge_teacher_year_deficit_batch_brin is
    'Rows of one batch; BRIN, cheap during loads. / Строки пакета; BRIN.';
