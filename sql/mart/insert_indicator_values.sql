-- Stores one indicator definition's values for the cells it computes: percent
-- indicators 100 × numerator / denominator, hours indicators numerator /
-- denominator, both rounded half away from zero to one decimal (numeric round),
-- null for a zero denominator. Every cell with census or enrolment data (mart_universe,
-- scope_input.sql) gets a row: numerator and denominator 0 and value null where the
-- definition returned none (e.g. an enrolment indicator for a school without
-- enrolments that year). $1 is the indicator id, $4 the academic years this
-- definition (version) computes: MartRefresher binds $4 in place of the definition's
-- dw.refresh_years() too, so the definition reads only those years, on a Citus worker
-- as well. A full refresh ($2 true) stores every cell of those years; an incremental
-- one the school cells of mart_scope within the indicator's window ($3: 0, 1 or 3;
-- scope_cells.sql) and the city cells of those years. MartRefresher puts the text of
-- sql/indicators/<id>.sql in place of the lines from "@definition-begin" through
-- "@definition-end"; the placeholder between them (no rows, the contract's columns)
-- keeps this file a statement of its own. The temporary tables are read in CTEs of
-- the insert's own select, joined, never in a correlated subquery: the shapes Citus
-- runs in an insert into a reference table (sql/citus/README.md).
insert into dw.agg_indicator_value
    (indicator_id, academic_year_key, grain, school_code, numerator, denominator, value)
with definition as (
    -- @definition-begin
    select
        null::integer as academic_year_key,
        null::text as grain,
        null::text as school_code,
        null::bigint as numerator,
        null::bigint as denominator
    where false
    -- @definition-end
),

universe as (
    select u.academic_year_key, u.school_code
    from mart_universe as u
    where u.academic_year_key = any($4::integer[])
),

scope as (
    select s.academic_year_key, s.school_code
    from mart_scope as s
    where s.window_years <= $3::integer
),

cells as (
    select u.academic_year_key, u.school_code
    from universe as u
    where $2::boolean or u.school_code is null
    union
    select u.academic_year_key, u.school_code
    from universe as u
    inner join scope as s
        on s.academic_year_key = u.academic_year_key and s.school_code = u.school_code
)

select i.indicator_id,
       c.academic_year_key,
       case when c.school_code is null then 'city' else 'school' end as grain,
       c.school_code,
       coalesce(d.numerator, 0) as numerator,
       coalesce(d.denominator, 0) as denominator,
       case when coalesce(d.denominator, 0) = 0 then null
            when i.unit = 'percent' then round(100.0 * d.numerator / d.denominator, 1)
            else round(d.numerator::numeric / d.denominator, 1)
       end as value
from cells as c
inner join dw.indicator as i on i.indicator_id = $1::text
left join definition as d
    on d.academic_year_key = c.academic_year_key
   and d.grain = case when c.school_code is null then 'city' else 'school' end
   and coalesce(d.school_code, '') = coalesce(c.school_code, '')
