-- Runs once after a run that loaded files: planner statistics for the tables loads change,
-- so the reports' plans follow the data as it grows; and for the small catalogue tables,
-- which autovacuum never analyses (a stale guess of their size made the compare report's
-- plan look a million rows large and pay for JIT compilation, see bench/NOTES.md).
analyze dw.dim_school;
analyze dw.dim_teacher;
analyze dw.dim_course;
analyze dw.indicator;
analyze dw.dim_academic_year;
analyze dw.dim_deficit_area;
analyze dw.dim_expert_role;
-- The facts and bridges last: on Citus they are distributed, and once a statement of this
-- script touched them in parallel, analysing a reference table (the catalogue) is refused.
analyze dw.fact_course_enrolment;
analyze dw.fact_teacher_year;
analyze dw.bridge_teacher_year_deficit;
analyze dw.bridge_teacher_year_expert_role;
