-- The validated rows of one measures file, streamed into the staging table of stage.sql.
copy stage_measure (
    line_number, academic_year_key, school_code, rule_id, indicator_id, measure_text, measure_date_key,
    responsible_role
) from stdin
