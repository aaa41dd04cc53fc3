-- Exact row counts of the warehouse tables (dw and mart) for `pdmon db status`, in
-- schema and name order. Each count is its own query, run by query_to_xml; format('%I')
-- quotes the names.
select
    t.table_schema,
    t.table_name,
    (xpath(
        '/row/n/text()',
        query_to_xml(format('select count(*) as n from %I.%I', t.table_schema, t.table_name), false, true, '')
    ))[1]::text::bigint as row_count
from information_schema.tables as t
where t.table_schema in ('dw', 'mart') and t.table_type = 'BASE TABLE'
order by t.table_schema, t.table_name
