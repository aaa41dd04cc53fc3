-- The validated rows of one request file, keys resolved by the loader, streamed into the
-- staging table of stage.sql.
copy stage_request (
    line_number, academic_year_key, school_key, teacher_key, teachers_requested, subject, focus_area_key,
    course_title, hours
) from stdin
