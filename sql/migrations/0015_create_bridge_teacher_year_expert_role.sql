-- pdmon:previous-checksum 9cace94b67e81c0ca361ee0c28e955fb9aa02270108485b3c77a0bf28f7cf97b
-- The kinds of expert activity a teacher's census row lists (a many-valued
-- survey field). Grain: one expert role of one teacher in one academic year's
-- census. A teacher is an expert in year y when a row exists here.
-- No declared foreign keys (see dw.fact_course_enrolment): the loader checks
-- each batch's keys set-based, including that (teacher_key, academic_year_key)
-- exists in dw.fact_teacher_year. teacher_key leads the key for Citus.
create table dw.bridge_teacher_year_expert_role (
    teacher_key       bigint not null,
    academic_year_key integer not null,
    expert_role_key   integer not null,
    batch_key         bigint not null,
    constraint bridge_teacher_year_expert_role_pkey primary key (teacher_key, academic_year_key, expert_role_key)
);

create index bridge_teacher_year_expert_role_batch_brin
    on dw.bridge_teacher_year_expert_role using brin (batch_key);

comment on table dw.bridge_teacher_year_expert_role is
    'Expert roles of a census row. Grain: one kind of expert activity of one teacher in one academic year. No declared foreign keys: the loader checks every batch''s keys set-based inside the batch''s transaction. / Экспертная деятельность строки мониторинга. Зерно: один вид экспертной деятельности педагога в одном учебном году. Внешние ключи не объявлены: загрузчик проверяет ключи каждого пакета в его транзакции.';
comment on column dw.bridge_teacher_year_expert_role.teacher_key is
    'Teacher (dw.dim_teacher); with academic_year_key, the census row in dw.fact_teacher_year. / Педагог; вместе с academic_year_key указывает строку dw.fact_teacher_year.';
comment on column dw.bridge_teacher_year_expert_role.academic_year_key is
    'Academic year of the census (dw.dim_academic_year, start year). / Учебный год мониторинга (год начала).';
comment on column dw.bridge_teacher_year_expert_role.expert_role_key is
    'Kind of expert activity (dw.dim_expert_role). / Вид экспертной деятельности (dw.dim_expert_role).';
comment on column dw.bridge_teacher_year_expert_role.batch_key is
    'Batch that wrote the row (dw.etl_batch); checked by the loader. / Пакет, записавший строку; проверяется загрузчиком.';
comment on index dw.bridge_teacher_year_expert_role_batch_brin is
    'Rows of one batch; BRIN, cheap during loads. / Строки пакета; BRIN.';
