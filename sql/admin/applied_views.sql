-- The view files recorded as applied, with whether their view still exists.
select
    name,
    checksum,
    to_regclass(name) is not null as view_exists
from public.schema_views
order by name
