-- Planner statistics of the freshly copied staging table, so the merge gets hash joins rather
-- than nested loops planned for an empty table.
analyze stage_school
