-- Undoes hash_joins_only.sql for the rest of the transaction.
set local enable_nestloop = on
