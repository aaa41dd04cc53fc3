-- Staging for one ФИС ФРДО file: validated documents with keys resolved by the loader.
-- document_id is the hex HMAC of the registration number (stored as bytea by merge.sql).
create temp table stage_document (
    line_number       bigint not null,
    teacher_key       bigint not null,
    academic_year_key integer not null,
    document_id       text not null,
    status            text not null,
    issue_date_key    integer not null,
    course_key        bigint not null
) on commit drop
