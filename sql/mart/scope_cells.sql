-- The (academic year, school) cells an incremental refresh recomputes (MartRefresher;
-- needs the tables of scope_input.sql), in mart_scope with the narrowest window that
-- needs each: 0 = every indicator, 1 = every indicator that reads the census (all but
-- those whose source is 'enrolments', which read only the enrolments of a cell), 3 =
-- only the indicators whose year y reads the enrolments of y-2..y (the "-- window: 3"
-- line of sql/indicators/<id>.sql).
--   * a cell whose census rows were added, replaced or deleted since the last refresh
--     (dw.mart_input_cell against mart_input_now): 1;
--   * a cell whose enrolment rows were added, replaced or deleted (enrolment-based
--     indicators count the enrolments of a school), and a cell that is new or gone (a full
--     refresh gives it a row of every indicator, or none): 0;
--   * a teacher with enrolments added in year y: the teacher's census cell in y (1) and in
--     y+1 and y+2 (3) — "completed in y" counts at any school;
--   * enrolment rows replaced or deleted in year y (whose teachers are no longer known):
--     every census cell of y (1) and of y+1 and y+2 (3).
-- mart_scope_anomaly counts cells whose rows shrank below what was stored plus what was
-- added in a way no load does (more rows than stored and added): the refresh is then full.
create temp table mart_changed_cell on commit drop as
select coalesce(n.academic_year_key, o.academic_year_key) as academic_year_key,
       coalesce(n.school_key, o.school_key) as school_key,
       coalesce(n.census_added, 0) as census_added,
       coalesce(o.census_rows, 0) + coalesce(n.census_added, 0) - coalesce(n.census_rows, 0) as census_removed,
       coalesce(n.enrolment_added, 0) as enrolment_added,
       coalesce(o.enrolment_rows, 0) + coalesce(n.enrolment_added, 0) - coalesce(n.enrolment_rows, 0)
       as enrolment_removed,
       (n.academic_year_key is null or o.academic_year_key is null) as is_new_or_gone
from mart_input_now as n
full outer join dw.mart_input_cell as o
    on o.academic_year_key = n.academic_year_key and o.school_key = n.school_key
where coalesce(n.census_added, 0) > 0
   or coalesce(n.enrolment_added, 0) > 0
   or coalesce(o.census_rows, 0) <> coalesce(n.census_rows, 0)
   or coalesce(o.enrolment_rows, 0) <> coalesce(n.enrolment_rows, 0);

create temp table mart_scope on commit drop as
with uncovered as materialized (
    -- Read through a CTE, not joined directly: see scope_input.sql (Citus).
    select u.batch_key from mart_uncovered as u
),
first_uncovered as (
    select min(u.batch_key) as batch_key from uncovered as u
),
added_teacher as (
    -- batch_key >= the first uncovered batch lets the BRIN index skip older rows.
    select distinct e.teacher_key, e.academic_year_key
    from dw.fact_course_enrolment as e
    inner join uncovered as u on u.batch_key = e.batch_key
    inner join first_uncovered as b on b.batch_key <= e.batch_key
),
unknown_year as (
    select distinct c.academic_year_key
    from mart_changed_cell as c
    where c.enrolment_removed <> 0
),
cells as (
    select c.academic_year_key,
           c.school_key,
           case
               when c.enrolment_added > 0 or c.enrolment_removed <> 0 or c.is_new_or_gone then 0
               else 1
           end as window_years
    from mart_changed_cell as c
    union all
    select f.academic_year_key,
           f.school_key,
           case when f.academic_year_key = t.academic_year_key then 1 else 3 end as window_years
    from added_teacher as t
    inner join dw.fact_teacher_year as f
        on f.teacher_key = t.teacher_key
       and f.academic_year_key between t.academic_year_key and t.academic_year_key + 2
    union all
    select n.academic_year_key,
           n.school_key,
           case when n.academic_year_key = k.academic_year_key then 1 else 3 end as window_years
    from unknown_year as k
    inner join mart_input_now as n
        on n.academic_year_key between k.academic_year_key and k.academic_year_key + 2
    where n.census_rows > 0
)
select c.academic_year_key, s.school_code, min(c.window_years) as window_years
from cells as c
inner join dw.dim_school as s on s.school_key = c.school_key
group by c.academic_year_key, s.school_code;

create temp table mart_scope_anomaly on commit drop as
select count(*) as cells
from mart_changed_cell as c
where c.census_removed < 0 or c.enrolment_removed < 0;
