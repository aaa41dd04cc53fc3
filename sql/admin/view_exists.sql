-- Whether the view $1 (schema-qualified) exists: a view file must create the view its
-- name promises.
select exists(
    select 1
    from pg_catalog.pg_class as c
    where c.oid = to_regclass($1::text) and c.relkind = 'v'
) as view_exists
