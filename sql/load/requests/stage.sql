-- Staging for one request file («заявка ОО»): validated rows with keys resolved by the loader.
create temp table stage_request (
    line_number        bigint not null,
    academic_year_key  integer not null,
    school_key         bigint not null,
    teacher_key        bigint,
    teachers_requested integer not null,
    subject            text,
    focus_area_key     integer,
    course_title       text,
    hours              integer
) on commit drop
