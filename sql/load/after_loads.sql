-- Runs once after a run that loaded files: planner statistics for the tables loads change,
-- so the reports' plans follow the data as it grows.
analyze dw.dim_school;
analyze dw.dim_teacher;
analyze dw.dim_course;
analyze dw.fact_course_enrolment;
analyze dw.fact_teacher_year;
analyze dw.bridge_teacher_year_deficit;
analyze dw.bridge_teacher_year_expert_role;
