-- For every text column of the warehouse's own tables (dw): how many rows hold a value
-- of each shape that pdmon audit looks for. $1 holds the shapes' regular expressions
-- (text[]); shape is a position in it (from 1). Each column is scanned once, by a
-- statement built here: format() quotes the names (%I) and the bound patterns (%L), and
-- query_to_xml runs it. Rows come in table, column and shape order; zero counts too.
with text_columns as (
    select c.table_schema, c.table_name, c.column_name, c.ordinal_position
    from information_schema.columns as c
    inner join information_schema.tables as t
        on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = 'dw'
      and t.table_type = 'BASE TABLE'
      and c.data_type in ('text', 'character varying', 'character', 'ARRAY')
),
statements as (
    select c.table_schema, c.table_name, c.column_name, c.ordinal_position,
           format(
               'select %s from %I.%I',
               string_agg(
                   format('count(*) filter (where %I::text ~ %L) as shape_%s', c.column_name, p.pattern, p.shape),
                   ', ' order by p.shape
               ),
               c.table_schema,
               c.table_name
           ) as statement
    from text_columns as c
    cross join unnest($1::text[]) with ordinality as p (pattern, shape)
    group by c.table_schema, c.table_name, c.column_name, c.ordinal_position
)
select s.table_schema, s.table_name, s.column_name, x.shape, x.row_count::text::bigint as row_count
from statements as s
cross join lateral unnest(xpath('/row/*/text()', query_to_xml(s.statement, false, true, '')))
    with ordinality as x (row_count, shape)
order by s.table_name, s.ordinal_position, x.shape
