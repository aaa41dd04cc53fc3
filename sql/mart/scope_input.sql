-- The incremental refresh's inputs (MartRefresher, inside the refresh's repeatable-read
-- transaction; temporary tables dropped at commit):
--   mart_uncovered: the loaded batches no completed refresh (still recorded in
--   dw.mart_refresh) covered yet;
--   mart_input_now: census and enrolment rows per (academic year, school version) now,
--   and how many of them belong to uncovered batches (added since the last refresh);
--   school_key 0 stands for an enrolment without a school (a ФИС ФРДО row whose school
--   is not known yet).
-- The refresh stores mart_input_now as dw.mart_input_cell when it completes.
create temp table mart_uncovered on commit drop as
select b.batch_key
from dw.etl_batch as b
where b.status = 'loaded'
  and not exists (
      select 1
      from dw.mart_covered_batch as c
      inner join dw.mart_refresh as r on r.refresh_key = c.refresh_key
      where c.batch_key = b.batch_key
        and r.status = 'completed'
  );

analyze mart_uncovered;

create temp table mart_input_now on commit drop as
-- The temporary table is read through a materialized CTE: Citus plans a join of a
-- distributed table with a CTE, not with a temporary table (sql/citus/README.md).
with uncovered as materialized (
    select u.batch_key from mart_uncovered as u
),
census as (
    select f.academic_year_key,
           f.school_key,
           count(*) as census_rows,
           count(u.batch_key) as census_added
    from dw.fact_teacher_year as f
    left join uncovered as u on u.batch_key = f.batch_key
    group by f.academic_year_key, f.school_key
),
enrolments as (
    select e.academic_year_key,
           coalesce(e.school_key, 0) as school_key,
           count(*) as enrolment_rows,
           count(u.batch_key) as enrolment_added
    from dw.fact_course_enrolment as e
    left join uncovered as u on u.batch_key = e.batch_key
    group by e.academic_year_key, coalesce(e.school_key, 0)
)
select coalesce(c.academic_year_key, e.academic_year_key) as academic_year_key,
       coalesce(c.school_key, e.school_key) as school_key,
       coalesce(c.census_rows, 0) as census_rows,
       coalesce(c.census_added, 0) as census_added,
       coalesce(e.enrolment_rows, 0) as enrolment_rows,
       coalesce(e.enrolment_added, 0) as enrolment_added
from census as c
full outer join enrolments as e
    on e.academic_year_key = c.academic_year_key and e.school_key = c.school_key;

-- Every (year, school) with census or enrolment data and, with a null school, every such
-- year: the cells that get a row for every indicator (insert_indicator_values.sql).
create temp table mart_universe on commit drop as
with cells as (
    select distinct n.academic_year_key, s.school_code
    from mart_input_now as n
    inner join dw.dim_school as s on s.school_key = n.school_key
)
select c.academic_year_key, c.school_code
from cells as c
union all
select distinct c.academic_year_key, null::text as school_code
from cells as c;
