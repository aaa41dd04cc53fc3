-- Planner statistics of the freshly copied staging table (see enrolments/analyze_stage.sql).
analyze stage_request
