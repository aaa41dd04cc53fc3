-- The validated rows of one targets file, streamed into the staging table of stage.sql.
copy stage_indicator_target (
    line_number, indicator_id, academic_year_key, school_code, target_value, source_document, source_date
) from stdin
