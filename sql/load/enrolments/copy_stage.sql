-- The validated rows of one enrolment file, keys resolved by the loader, streamed into the
-- staging table of stage.sql.
copy stage_enrolment (
    line_number, teacher_key, academic_year_key, school_key, course_key, course_title,
    start_date_key, end_date_key, staff_category, position, subject, status, is_requested_by_school,
    has_certificate
) from stdin
