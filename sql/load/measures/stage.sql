-- Staging for one measures file: validated rows (rule and indicator checked by the loader).
create temp table stage_measure (
    line_number       bigint not null,
    academic_year_key integer not null,
    school_code       text,
    rule_id           text,
    indicator_id      text not null,
    measure_text      text not null,
    measure_date_key  integer not null,
    responsible_role  text
) on commit drop
