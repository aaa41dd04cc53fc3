-- Staging for one targets file: the validated rows, dropped at commit.
create temp table stage_indicator_target (
    line_number       bigint not null,
    indicator_id      text not null,
    academic_year_key integer not null,
    school_code       text,
    target_value      numeric(7, 1) not null,
    source_document   text not null,
    source_date       date
) on commit drop
