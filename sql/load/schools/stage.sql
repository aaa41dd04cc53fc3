-- Staging for one schools directory file: the validated rows, dropped at commit.
create temp table stage_school (
    line_number    bigint not null,
    school_code    text not null,
    name           text not null,
    school_type    text,
    is_base_school boolean not null,
    municipality   text
) on commit drop
