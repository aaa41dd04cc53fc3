-- The dw tables not yet in Citus's metadata (pg_dist_partition), in the order to
-- distribute them: first those whose foreign keys point at no other pending table.
-- method: 'distributed' for the facts and bridges (distributed by teacher_key),
-- 'reference' for every other dw table. blocking: foreign keys to other pending tables.
with dw_table as (
    select
        c.oid,
        c.relname,
        format('%I.%I', n.nspname, c.relname) as table_name
    from pg_catalog.pg_class as c
    inner join pg_catalog.pg_namespace as n on n.oid = c.relnamespace
    where
        n.nspname = 'dw'
        and c.relkind in ('r', 'p')
        and not exists (
            select 1
            from pg_catalog.pg_inherits as i
            where i.inhrelid = c.oid
        )
),

pending as (
    -- A table Citus added on its own as a Citus local table (a local table with a foreign
    -- key to a reference table, partmethod 'n', repmodel 's') is still pending.
    select t.*
    from dw_table as t
    where not exists (
        select 1
        from pg_dist_partition as p
        where p.logicalrelid = t.oid and not (p.partmethod = 'n' and p.repmodel = 's')
    )
)

select
    p.table_name,
    case
        when (p.relname like 'fact\_%' or p.relname like 'bridge\_%')
            and exists (
                select 1
                from pg_catalog.pg_attribute as a
                where a.attrelid = p.oid and a.attname = 'teacher_key' and not a.attisdropped
            )
            then 'distributed'
        else 'reference'
    end as method,
    (
        select count(*)
        from pg_catalog.pg_constraint as k
        inner join pending as target on target.oid = k.confrelid
        where k.conrelid = p.oid and k.contype = 'f' and k.confrelid <> p.oid
    ) as blocking
from pending as p
order by blocking, p.table_name
