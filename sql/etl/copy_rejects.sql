-- The rejected rows of one batch (values already masked).
copy dw.etl_reject (
    batch_key, line_number, column_name, value_masked, reason_code, reason_text
) from stdin
