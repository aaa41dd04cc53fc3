-- Every dw table as Citus sees it: reference, distributed (with its distribution column
-- and colocation group), a Citus local table, or still local to the coordinator.
select
    format('%I.%I', n.nspname, c.relname) as table_name,
    case
        when p.logicalrelid is null then 'local'
        when p.partmethod = 'h' then 'distributed'
        when p.partmethod = 'n' and p.repmodel = 't' then 'reference'
        when p.partmethod = 'n' then 'citus local'
        else p.partmethod::text
    end as method,
    coalesce(column_to_column_name(p.logicalrelid, p.partkey), '') as distribution_column,
    coalesce(p.colocationid::text, '') as colocation_id
from pg_catalog.pg_class as c
inner join pg_catalog.pg_namespace as n on n.oid = c.relnamespace
left join pg_dist_partition as p on p.logicalrelid = c.oid
where n.nspname = 'dw' and c.relkind in ('r', 'p')
order by table_name
