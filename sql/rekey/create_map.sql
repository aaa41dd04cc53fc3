-- Old pseudonym → new pseudonym of every identifier read from the files, for one
-- rekey transaction.
create temporary table rekey_map (
    old_pseudonym text primary key,
    new_pseudonym text not null
) on commit drop
