-- A file refused for its header may match no kind at all: its batch records no kind
-- rather than a wrong one.
alter table dw.etl_batch alter column kind drop not null;

comment on column dw.etl_batch.kind is
    'Export kind detected from the header or named by the user: schools, enrolments, survey; null when the header matched no kind. / Вид выгрузки; пусто, если заголовок не подошёл ни к одному виду.';
