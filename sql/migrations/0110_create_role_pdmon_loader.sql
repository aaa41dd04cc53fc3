-- pdmon_loader: the role of the nightly loads (`pdmon etl run`, `pdmon load`,
-- `pdmon db refresh`). It reads and writes the rows of dw and reads mart, but it
-- owns nothing: it cannot create, alter or drop a table (DDL needs ownership or
-- the schema's create privilege, neither of which it has), and it cannot change who
-- sees which school (dw.school_access, migration 0111, is the owner's). NOLOGIN: a
-- group role, granted with `grant pdmon_loader to some_login`.
--
-- Roles belong to the whole server: guarded as in 0021 (several databases on one
-- server may run this at the same time).
do $$
begin
    create role pdmon_loader nologin;
exception
    when duplicate_object or unique_violation then
        null;
end
$$;

grant usage on schema dw to pdmon_loader;
grant select, insert, update, delete on all tables in schema dw to pdmon_loader;
grant usage, select, update on all sequences in schema dw to pdmon_loader;
alter default privileges in schema dw grant select, insert, update, delete on tables to pdmon_loader;
alter default privileges in schema dw grant usage, select, update on sequences to pdmon_loader;

grant usage on schema mart to pdmon_loader;
grant select on all tables in schema mart to pdmon_loader;
alter default privileges in schema mart grant select on tables to pdmon_loader;

-- Every command checks that no migration is pending (public.schema_migrations) and
-- that the views are applied (public.schema_views); reading them is all it needs.
grant select on public.schema_migrations to pdmon_loader;
grant select on public.schema_views to pdmon_loader;
