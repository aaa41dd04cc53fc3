-- The direct path of a first load: the validated rows, keys resolved by the loader, streamed
-- straight into the fact table with the batch key on every row (checked by check_facts.sql).
copy dw.fact_course_enrolment (
    teacher_key, academic_year_key, school_key, course_key, start_date_key, end_date_key,
    staff_category, position, subject, status, is_requested_by_school, has_certificate, batch_key
) from stdin
