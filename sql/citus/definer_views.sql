-- Per-school access on Citus (docs/mart.md, "Citus"). On a plain PostgreSQL a mart
-- view reads dw with its owner's rights and filters the rows by
-- dw.readable_school_codes(current_user); readers hold no right on dw. Citus runs
-- the shard queries of a view with the rights of the role that queries it, not of
-- the view's owner (citusdata/citus#1683, #6161), so a reader gets "permission
-- denied" on every view. Here every mart view becomes
--     select * from dw.definer_<view>(current_user)
-- where dw.definer_<view>(reader name) runs the view's own query, unchanged but for
-- current_user read as the reader ($1), in a SECURITY DEFINER function: its
-- queries run with the owner's rights on the coordinator and on the workers, and
-- it filters by the reader's schools as the view did. Readers can call the
-- functions only through the views: they have no usage on schema dw, so they
-- cannot name them (nor pass another role's name); the views keep their names,
-- columns, comments and grants.
--
-- The price: a view is no longer inlined into the reader's query, so a reader's
-- filter (a year, a school) applies after the function has read every row the
-- reader may see (measured in bench/citus.md). Run by `pdmon db distribute` and by
-- `pdmon db migrate` on a database with the citus extension, after the view files:
-- a view whose file was applied again (its query is its own again) is turned
-- again; one already turned is left as it is. The functions live on the
-- coordinator only (DDL propagation off): only the coordinator serves the mart.
do $$
declare
    v record;
    query text;
begin
    perform set_config('search_path', 'pg_catalog', true);
    perform set_config('citus.enable_ddl_propagation', 'off', true);
    for v in
        select c.relname::text as view_name,
               'definer_' || c.relname::text as function_name,
               pg_get_viewdef(c.oid) as definition
        from pg_class as c
        inner join pg_namespace as n on n.oid = c.relnamespace
        where n.nspname = 'mart' and c.relkind = 'v'
        order by c.relname
    loop
        continue when position(format('dw.%I(', v.function_name) in v.definition) > 0;
        -- pg_get_viewdef writes the role function as CURRENT_USER (the view files have
        -- no other spelling of it, and no string that contains it).
        query := regexp_replace(v.definition, '\mCURRENT_USER\M', '$1', 'g');
        -- PL/pgSQL running the query with the reader bound as $1: Citus cannot plan a
        -- SQL function's parameters ("could not create distributed plan"); a dynamic
        -- query is planned afresh with the value, so shards are pruned by it.
        execute format(
            'create or replace function dw.%I(reader name) returns setof mart.%I '
            'language plpgsql stable security definer set search_path = pg_catalog, pg_temp '
            'as %L',
            v.function_name, v.view_name,
            format('begin return query execute %L using reader; end', query)
        );
        execute format('revoke all on function dw.%I(name) from public', v.function_name);
        execute format(
            'grant execute on function dw.%I(name) to pdmon_reader, pdmon_loader', v.function_name
        );
        execute format(
            'comment on function dw.%I(name) is %L', v.function_name,
            format(
                'The rows of mart.%s that the reader may see, read with the owner''s rights (Citus: '
                || 'sql/citus/definer_views.sql). / Строки mart.%s, доступные читателю (Citus).',
                v.view_name, v.view_name
            )
        );
        execute format(
            'create or replace view mart.%I with (security_barrier = true) as '
            'select * from dw.%I(current_user)',
            v.view_name, v.function_name
        );
    end loop;
end
$$
