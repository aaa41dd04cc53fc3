-- The text columns of the warehouse's own tables (dw), which pdmon audit scans
-- for values shaped like personal data.
select
    c.table_schema,
    c.table_name,
    c.column_name
from information_schema.columns as c
inner join information_schema.tables as t
    on
        t.table_schema = c.table_schema
        and t.table_name = c.table_name
where
    c.table_schema = 'dw'
    and t.table_type = 'BASE TABLE'
    and c.data_type in ('text', 'character varying', 'character', 'ARRAY')
order by c.table_name, c.ordinal_position
