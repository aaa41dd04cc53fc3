-- Staging for one enrolment file: validated rows with keys resolved by the loader.
create temp table stage_enrolment (
    line_number            bigint not null,
    teacher_key            bigint not null,
    academic_year_key      integer not null,
    school_key             bigint not null,
    course_key             bigint not null,
    course_title           text not null,
    start_date_key         integer not null,
    end_date_key           integer not null,
    staff_category         text not null,
    position               text,
    subject                text,
    status                 text not null,
    is_requested_by_school boolean not null,
    has_certificate        boolean not null
) on commit drop
