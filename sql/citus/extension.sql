-- Whether the citus extension is installed in this database, and its version; no row
-- when it is not. Asked by `pdmon db distribute` before anything else.
select e.extversion
from pg_catalog.pg_extension as e
where e.extname = 'citus'
