-- The incremental mart refresh (issue 12): what each refresh covered, so that the
-- next one recomputes only the (academic year, school) cells that changed since.
--
-- dw.mart_covered_batch: every loaded batch whose rows the indicator values
-- include. A batch that commits after a refresh took its snapshot is uncovered
-- even when its key is smaller than one that is covered (keys are taken when a
-- load starts, not when it commits), so the refresh keeps the set, not a maximum.
--
-- dw.mart_input_cell: the census and enrolment rows per (academic year, school
-- version) the last refresh saw. Rows of uncovered batches are what was added
-- since; a count that is lower than the stored one plus the added rows means rows
-- were replaced or deleted (a reload that removes a school's rows must refresh
-- that school too). The refresh rewrites it in its own transaction.
create table dw.mart_covered_batch (
    batch_key   bigint not null,
    refresh_key bigint not null,
    constraint mart_covered_batch_pkey primary key (batch_key)
);

create table dw.mart_input_cell (
    academic_year_key integer not null,
    school_key        bigint not null,
    census_rows       bigint not null,
    enrolment_rows    bigint not null,
    constraint mart_input_cell_pkey primary key (academic_year_key, school_key)
);

alter table dw.mart_refresh
add column mode text,
add column cells integer,
add column definitions_digest text,
add constraint mart_refresh_mode_valid check (mode in ('full', 'incremental'));

-- Batches covered by the refreshes before this migration: the loaded batches up to
-- the last completed refresh's newest one (that refresh read them all; a batch still
-- loading then is not covered and will be refreshed). The input cells stay empty:
-- the first refresh after this migration is a full one (no definitions digest yet).
insert into dw.mart_covered_batch (batch_key, refresh_key)
with last_completed as (
    select x.refresh_key, x.covers_batch_key
    from dw.mart_refresh as x
    where x.status = 'completed'
    order by x.refresh_key desc
    limit 1
)
select b.batch_key, r.refresh_key
from dw.etl_batch as b
inner join last_completed as r on r.covers_batch_key >= b.batch_key
where b.status = 'loaded';

-- The years an indicator definition computes (sql/indicators/README.md): the
-- refresh sets pdmon.refresh_years to a comma-separated list of academic year keys;
-- unset or empty means every year of dw.dim_academic_year (a definition run by hand).
-- Each definition keeps only the rows of those years that decide its output year
-- (`academic_year_key = any(dw.refresh_years())`), so the refresh of one year (or of
-- one definition version's years) reads only that year's rows. An array from a
-- function, not a constant: the planner estimates the filter as keeping most rows,
-- so a full refresh plans as it did without it (measured: same times).
create function dw.refresh_years() returns integer[]
language sql stable parallel safe
return case
    when coalesce(current_setting('pdmon.refresh_years', true), '') = ''
        then (select array_agg(y.academic_year_key order by y.academic_year_key) from dw.dim_academic_year as y)
    else string_to_array(current_setting('pdmon.refresh_years', true), ',')::integer[]
end;

comment on table dw.mart_covered_batch is
    'Loaded batches (dw.etl_batch) whose rows the indicator values include, and the refresh that first covered each. / Загруженные пакеты, учтённые в значениях показателей, и пересчёт, который их учёл.';
comment on column dw.mart_covered_batch.batch_key is
    'The batch (dw.etl_batch). / Пакет.';
comment on column dw.mart_covered_batch.refresh_key is
    'The refresh (dw.mart_refresh) that covered it first. / Пересчёт, впервые учётший пакет.';
comment on table dw.mart_input_cell is
    'Census and enrolment rows per (academic year, school version) as the last completed refresh saw them: the next refresh finds replaced and deleted rows by them. / Число строк мониторинга и записей на обучение по (году, версии ОО) на момент последнего пересчёта: по ним следующий пересчёт находит заменённые и удалённые строки.';
comment on column dw.mart_input_cell.academic_year_key is
    'Academic year (dw.dim_academic_year). / Учебный год.';
comment on column dw.mart_input_cell.school_key is
    'School version (dw.dim_school). / Версия ОО.';
comment on column dw.mart_input_cell.census_rows is
    'Rows of dw.fact_teacher_year. / Строк мониторинга.';
comment on column dw.mart_input_cell.enrolment_rows is
    'Rows of dw.fact_course_enrolment. / Записей на обучение.';
comment on column dw.mart_refresh.mode is
    'full (every value rebuilt) or incremental (the changed cells only); null before migration 0140. / full — всё заново, incremental — только изменившиеся ячейки.';
comment on column dw.mart_refresh.cells is
    'School-year cells recomputed (completed refreshes). / Пересчитано ячеек «ОО × год».';
comment on column dw.mart_refresh.definitions_digest is
    'Digest of the indicator catalogue and definition files used: a change forces a full refresh. / Отпечаток каталога и файлов определений; изменение требует полного пересчёта.';
comment on function dw.refresh_years() is
    'The academic year keys the running mart refresh computes (setting pdmon.refresh_years; unset = every year of dw.dim_academic_year). / Учебные годы, которые пересчитывает текущее обновление витрин (настройка pdmon.refresh_years; не задана — все годы).';
