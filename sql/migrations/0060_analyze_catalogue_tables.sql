-- Planner statistics for the small tables that migrations fill and loads never change
-- (the indicator catalogue, academic years, deficit areas, expert roles). Autovacuum never
-- analyses them (too few rows change), so the planner assumed 190 indicators instead of 23:
-- `report compare` then looked like a million-row query, got JIT-compiled, and took 1.3 s
-- instead of 0.2 s at regional scale (bench/NOTES.md).
analyze dw.indicator;
analyze dw.dim_academic_year;
analyze dw.dim_deficit_area;
analyze dw.dim_expert_role;
