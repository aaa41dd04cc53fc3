-- Turns one dw table ($1, schema-qualified) into a Citus reference table: a full copy on
-- every node. Existing rows are copied.
select create_reference_table($1::regclass)
