-- The rows per (academic year, school version) a completed refresh read, for the next
-- incremental refresh (scope_cells.sql).
delete from dw.mart_input_cell;

insert into dw.mart_input_cell (academic_year_key, school_key, census_rows, enrolment_rows)
select n.academic_year_key, n.school_key, n.census_rows, n.enrolment_rows
from mart_input_now as n;
