-- pdmon_reader: the read-only role granted to analysts' logins. NOLOGIN: it is
-- a group role, granted with `grant pdmon_reader to some_login`.
--
-- Roles belong to the whole server, not to one database, and several databases
-- on one server may run this migration at the same time (parallel test
-- databases). `create role` is therefore guarded twice: duplicate_object when
-- the role is already visible, unique_violation when another transaction
-- created it concurrently and committed while this one waited.
do $$
begin
    create role pdmon_reader nologin;
exception
    when duplicate_object or unique_violation then
        null;
end
$$;

-- Read the mart schema, nothing else: dw and public grant it nothing.
grant usage on schema mart to pdmon_reader;
grant select on all tables in schema mart to pdmon_reader;
alter default privileges in schema mart grant select on tables to pdmon_reader;
