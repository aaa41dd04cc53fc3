-- The definitions digest of the last completed refresh (null before migration 0140): an
-- incremental refresh needs the same catalogue and definitions as the values it keeps.
select r.definitions_digest
from dw.mart_refresh as r
where r.status = 'completed'
order by r.refresh_key desc
limit 1
