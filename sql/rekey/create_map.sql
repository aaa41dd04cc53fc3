-- Old pseudonym → new pseudonym of every identifier read from the files, for one
-- rekey transaction (32-byte HMAC-SHA256 values, as dw.dim_teacher keeps them).
create temporary table rekey_map (
    old_pseudonym bytea primary key,
    new_pseudonym bytea not null
) on commit drop
