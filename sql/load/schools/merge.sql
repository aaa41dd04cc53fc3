-- Merges the staged directory into dw.dim_school (type 2 on name and school_type,
-- type 1 on is_base_school and municipality). The batch is current_setting('pdmon.batch_key').
-- Schools absent from the file are left as they are: a directory file may be partial.
-- An empty school_type keeps the stored one (a new school without a type is 'other').
--
-- Citus (sql/citus/README.md): dw.dim_school is a reference table there, and Citus plans a
-- statement that modifies it only when the temporary staging table is read through a CTE
-- (planned as an intermediate result), never named beside it; the stored type is taken by
-- `update … from`, not a correlated subquery. PostgreSQL inlines such CTEs: the same plans.

update stage_school as s
set school_type = d.school_type
from dw.dim_school as d
where d.school_code = s.school_code
  and d.is_current
  and s.school_type is null;

update stage_school
set school_type = 'other'
where school_type is null;

-- Same-day corrections and type-1 changes update the current version in place.
with staged as (
    select st.school_code, st.name, st.school_type, st.is_base_school, st.municipality
    from stage_school as st
)

update dw.dim_school d
set name = s.name,
    school_type = s.school_type,
    is_base_school = s.is_base_school,
    municipality = s.municipality,
    batch_key = current_setting('pdmon.batch_key')::bigint
from staged as s
where d.school_code = s.school_code
  and d.is_current
  and (d.valid_from = current_date or (d.name = s.name and d.school_type = s.school_type))
  and (d.name, d.school_type, d.is_base_school, d.municipality)
      is distinct from (s.name, s.school_type, s.is_base_school, s.municipality);

-- A changed name or type closes the current version ...
with staged as not materialized (
    select st.school_code, st.name, st.school_type, st.is_base_school, st.municipality
    from stage_school as st
),

closed as (
    update dw.dim_school d
    set valid_to = current_date,
        is_current = false
    from staged as s
    where d.school_code = s.school_code
      and d.is_current
      and d.valid_from < current_date
      and (d.name, d.school_type) is distinct from (s.name, s.school_type)
    returning d.school_code
)
-- ... and opens a new one from today.
insert into dw.dim_school (school_code, name, school_type, is_base_school, municipality, valid_from, batch_key)
select s.school_code, s.name, s.school_type, s.is_base_school, s.municipality, current_date,
       current_setting('pdmon.batch_key')::bigint
from staged as s
inner join closed as c on c.school_code = s.school_code;

-- Schools seen for the first time: their first version covers all history. `not in` over the
-- (small, not null) codes: Citus 13.0.5 inserts no row at all for the anti-join written as a
-- `left join … is null` from staged rows into a reference table (bench/NOTES.md, "Citus").
insert into dw.dim_school (school_code, name, school_type, is_base_school, municipality, valid_from, batch_key)
with staged as (
    select st.school_code, st.name, st.school_type, st.is_base_school, st.municipality
    from stage_school as st
)

select s.school_code, s.name, s.school_type, s.is_base_school, s.municipality, date '1900-01-01',
       current_setting('pdmon.batch_key')::bigint
from staged as s
where s.school_code not in (
    select d.school_code
    from dw.dim_school as d
);
