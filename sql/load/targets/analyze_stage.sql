-- Planner statistics of the freshly copied staging table.
analyze stage_indicator_target
