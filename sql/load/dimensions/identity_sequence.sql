-- The identity sequence of a dimension's key column ($1 table, $2 column).
select pg_get_serial_sequence($1, $2) as sequence_name
