-- The validated rows of one ФИС ФРДО file, keys resolved by the loader, streamed into the
-- staging table of stage.sql.
copy stage_document (
    line_number, teacher_key, academic_year_key, document_id, status, issue_date_key, course_key
) from stdin
