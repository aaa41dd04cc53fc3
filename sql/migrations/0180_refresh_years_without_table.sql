-- dw.refresh_years() (migration 0140) with a body every server can run. The
-- refresh no longer calls it: MartRefresher binds the years in place of the call
-- (sql/indicators/README.md), because a session setting does not reach a Citus
-- worker. It stays for a definition run by hand. Two changes, both for Citus 13:
-- a classic body instead of the SQL-standard `return` (Citus cannot propagate
-- that to its workers: "syntax error at or near RETURN"), and no table read (a
-- worker cannot read the reference table dw.dim_academic_year from inside a shard
-- query). Unset, it returns every key dw.dim_academic_year may hold (its check
-- dim_academic_year_key_range: 1900..2999); the array is built once per query (the
-- function is inlined and the array subquery becomes an InitPlan).
create or replace function dw.refresh_years() returns integer[]
language sql stable parallel safe
as $$
    select case
        when coalesce(current_setting('pdmon.refresh_years', true), '') = ''
            then array(select y::integer from generate_series(1900, 2999) as y)
        else string_to_array(current_setting('pdmon.refresh_years', true), ',')::integer[]
    end
$$;

comment on function dw.refresh_years() is
    'Academic year keys a definition run by hand computes: the setting pdmon.refresh_years (comma-separated keys), or every possible key when unset. The refresh binds its years instead. / Учебные годы для определения, запущенного вручную: настройка pdmon.refresh_years или все возможные годы.';
