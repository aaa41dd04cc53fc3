-- The validated rows of one schools directory file, streamed into the staging table of stage.sql.
copy stage_school (line_number, school_code, name, school_type, is_base_school, municipality) from stdin
