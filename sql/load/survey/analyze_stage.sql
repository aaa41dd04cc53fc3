-- Planner statistics of the freshly copied staging table, so the key check and the merge get
-- hash joins rather than nested loops planned for an empty table.
analyze stage_teacher_year
