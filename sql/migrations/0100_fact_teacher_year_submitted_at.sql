-- Form-service surveys (issue 9 §3): when the form service recorded the submission a census
-- row comes from, so that a later load of an older submission of the same teacher and year
-- does not replace it (the latest submission wins across files too). Null for a census loaded
-- from an export without a timestamp column.
alter table dw.fact_teacher_year add column submitted_at timestamp;

comment on column dw.fact_teacher_year.submitted_at is
    'When the form service recorded the submission this census row comes from (wall time as the export writes it, no zone); null for a census export without a timestamp column. A staged submission older than this one for the same teacher and year is not applied. / Когда сервис форм записал ответ, из которого взята строка (время как в выгрузке, без часового пояса); пусто для выгрузки без отметки времени. Более ранний ответ того же педагога за тот же год её не заменяет.';
