-- The migrations recorded as applied, in order.
select name, checksum, to_char(applied_at, 'YYYY-MM-DD HH24:MI:SS') as applied_at
from public.schema_migrations
order by version
