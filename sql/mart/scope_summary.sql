-- How large the incremental refresh would be: the cells of mart_scope that every
-- indicator recomputes (window 0), those every census-reading indicator adds (window 1),
-- those only the three-year indicators add (window 3), every (year, school) cell with
-- data, and the anomalies that force a full refresh.
with scope as (
    select count(*) filter (where s.window_years = 0) as window0_cells,
           count(*) filter (where s.window_years = 1) as window1_cells,
           count(*) filter (where s.window_years = 3) as window3_cells
    from mart_scope as s
),
universe as (
    select count(*) filter (where u.school_code is not null) as cells
    from mart_universe as u
)
select s.window0_cells, s.window1_cells, s.window3_cells, u.cells as universe_cells, a.cells as anomalies
from scope as s
cross join universe as u
cross join mart_scope_anomaly as a
