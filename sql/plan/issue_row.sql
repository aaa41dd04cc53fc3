-- One row of an issued plan-order: $1 issue key, $2 academic year (start), $3 section
-- (subject | deficit_area), $4 level, $5 school code, $6 school name, $7 subject,
-- $8 deficit area, $9 teachers, $10 due, $11 never trained, $12 deficits not addressed,
-- $13 leaders due (the columns of plan_by_subject.sql and plan_by_deficit_area.sql).
insert into dw.plan_order_issued_row (
    plan_order_issue_key, academic_year_key, section, level, school_code, school_name, subject, deficit_area,
    teachers, teachers_due, never_trained, deficits_unaddressed, leaders_due
) values (
    $1::bigint, $2::integer, $3, $4, $5, $6, $7, $8, $9::integer, $10::integer, $11::integer, $12::integer,
    $13::integer
)
